// Labelled form controls with the sizes store staff need on a phone (44 px targets, 16 px text).
type Option = { value: string; label: string };

const control = "rounded-md border border-slate-300 bg-white px-3 py-2 text-base";

export function TextField({ label, name, type = "text", required, autoComplete }: { label: string; name: string; type?: string; required?: boolean; autoComplete?: string }) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium">
      {label}
      <input name={name} type={type} required={required} autoComplete={autoComplete} className={control} />
    </label>
  );
}

export function SelectField({ label, name, options, multiple }: { label: string; name: string; options: Option[]; multiple?: boolean }) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium">
      {label}
      <select name={name} multiple={multiple} className={control}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export type { Option };
