// Labelled form controls with the sizes store staff need on a phone (44 px targets, 16 px text).
import { useId } from "react";

type Option = { value: string; label: string };

const control = "min-h-11 rounded-md border border-slate-300 bg-white px-3 py-2 text-base";

export function TextField(props: {
  label: string;
  name: string;
  type?: string;
  required?: boolean;
  autoComplete?: string;
  defaultValue?: string;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1 text-sm font-medium">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        required={props.required}
        autoComplete={props.autoComplete}
        defaultValue={props.defaultValue}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        className={control}
      />
      {props.hint ? (
        <p id={`${id}-hint`} className="text-xs font-normal text-slate-600">
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

export function SelectField({
  label,
  name,
  options,
  multiple,
  defaultValue,
}: {
  label: string;
  name: string;
  options: Option[];
  multiple?: boolean;
  defaultValue?: string | string[];
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1 text-sm font-medium">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} multiple={multiple} defaultValue={defaultValue} className={control}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export type { Option };
