// Advisory lock keys of matching. Partial runs take PARTIAL (one at a time, each short). A full run holds FULL
// for its whole length and takes PARTIAL only for its swap, so reads, decisions and partial runs go on meanwhile;
// a partial run that sees FULL held keeps its queue entries (marked done) for the full run to replay after its swap.
export const PARTIAL_LOCK = 72_707_002;
export const FULL_LOCK = 72_707_003;
