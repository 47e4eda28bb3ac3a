/**
 * A field people never see or fill in, but form-filling bots do. Hidden from sight, from
 * screen readers and from the tab order; a form that arrives with it filled is refused.
 */
export const HONEYPOT_FIELD = "website";

export function Honeypot() {
  return (
    <div aria-hidden="true" style={{ position: "absolute", left: "-10000px", width: 1, height: 1, overflow: "hidden" }}>
      <label>
        Website
        <input type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
      </label>
    </div>
  );
}

export const honeypotFilled = (form: FormData | Record<string, unknown>) => {
  const value = form instanceof FormData ? form.get(HONEYPOT_FIELD) : form[HONEYPOT_FIELD];
  return typeof value === "string" && value.trim() !== "";
};
