// The progress of an upload the server works on while it arrives: a labelled bar and a line read out politely.
import { useId } from "react";

export function UploadProgress({ label, percent, text }: { label: string; percent: number; text: string }) {
  const id = useId();
  return (
    <div className="grid gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <progress id={id} max={100} value={percent} className="h-3 w-full accent-brand-600" />
      <p role="status" aria-live="polite" className="text-sm text-slate-700">
        {text}
      </p>
    </div>
  );
}
