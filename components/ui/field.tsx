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
  inputMode?: React.HTMLAttributes<HTMLInputElement>["inputMode"];
  /** A problem with the value, shown under the field and announced with it. */
  error?: string;
  max?: string;
}) {
  const id = useId();
  const described = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(" ");
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
        inputMode={props.inputMode}
        max={props.max}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described || undefined}
        className={`${control} ${props.error ? "border-red-600" : ""}`}
      />
      {props.hint ? (
        <p id={`${id}-hint`} className="text-xs font-normal text-slate-600">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-red-800">
          {props.error}
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
