// Labelled form controls with the sizes store staff need on a phone (44 px targets, 16 px text).
import { useId } from "react";
import { MAX_TYPED_AMOUNT_LENGTH } from "@/lib/money";

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
  maxLength?: number;
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
        maxLength={props.maxLength}
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

/** A file chooser; the browser streams the chosen files, so nothing here limits their size but the hint. */
export function FileField(props: {
  label: string;
  name: string;
  accept: string;
  hint: string;
  multiple?: boolean;
  required?: boolean;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1 text-sm font-medium">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type="file"
        multiple={props.multiple}
        accept={props.accept}
        required={props.required}
        aria-describedby={`${id}-hint`}
        className={`${control} w-full min-w-0 file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1`}
      />
      <p id={`${id}-hint`} className="text-xs font-normal text-slate-600">
        {props.hint}
      </p>
    </div>
  );
}

export function SelectField({
  label,
  name,
  options,
  defaultValue,
  error,
  onChange,
}: {
  label: string;
  name: string;
  options: Option[];
  defaultValue?: string;
  /** Called with the chosen value (the field stays uncontrolled). */
  onChange?: (value: string) => void;
  /** A problem with the choice, shown under the field and announced with it. */
  error?: string;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1 text-sm font-medium">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        onChange={onChange ? (e) => onChange(e.target.value) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`${control} ${error ? "border-red-600" : ""}`}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A choice of several (stores for a user or a token): one checkbox each, every one a 44 px target, instead of a
 * multi-select list that needs Ctrl-click and says nothing of it. Sent like one, as the same name repeated.
 */
export function CheckboxGroup(props: { label: string; name: string; options: Option[] }) {
  return (
    <fieldset className="flex flex-col gap-1 text-sm">
      <legend className="font-medium">{props.label}</legend>
      <div className="relative flex max-h-48 flex-col overflow-y-auto rounded-md border border-slate-300 bg-white px-3 py-1">
        {props.options.map((o) => (
          <label key={o.value} className="flex min-h-11 cursor-pointer items-center gap-3">
            <input type="checkbox" name={props.name} value={o.value} className="size-5 shrink-0" />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * An amount with its currency beside it, typed as the reader's locale writes numbers. A new default currency (another
 * store chosen) resets the choice; `amount` and `chosenCurrency` put back what was sent before an error.
 */
export function AmountFields(props: {
  amountLabel: string;
  currencyLabel: string;
  currency: string;
  currencies: readonly string[];
  error?: string;
  currencyError?: string;
  hint?: string;
  amount?: string;
  chosenCurrency?: string;
}) {
  const currency = props.chosenCurrency || props.currency;
  return (
    <div className="grid grid-cols-[minmax(0,1fr)_auto] gap-2">
      <TextField
        label={props.amountLabel}
        name="amount"
        inputMode="decimal"
        required
        autoComplete="off"
        defaultValue={props.amount}
        maxLength={MAX_TYPED_AMOUNT_LENGTH}
        error={props.error}
        hint={props.hint}
      />
      <SelectField
        key={`${props.currency}|${currency}`}
        label={props.currencyLabel}
        name="currency"
        defaultValue={currency}
        error={props.currencyError}
        options={props.currencies.map((c) => ({ value: c, label: c }))}
      />
    </div>
  );
}

export type { Option };
