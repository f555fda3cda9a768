export declare const COMMON_HEADERS: readonly (readonly [name: string, value: string])[];
