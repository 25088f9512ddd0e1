// Forms read by Valibot schemas: each form declares its fields, their tidying and parsing, and
// their GOV.UK messages once, in a schema; this turns the schema's result into what a page shows
// on a refusal: what was typed, and the first message for each field under the field's name.
import * as v from 'valibot';

export type FieldErrors = Record<string, string>;
export type CheckedForm<Data, Values> =
	{ ok: true; data: Data; values: Values } | { ok: false; values: Values; errors: FieldErrors };

/** Names the field an issue belongs to from its path's keys; by default they are joined by dots. */
export type FieldName = (keys: readonly (string | number)[]) => string;
const joinKeys: FieldName = (keys) => keys.join('.');

/** The first message for each field, in the order the schema met them. */
export function firstMessages(
	issues: readonly v.BaseIssue<unknown>[],
	fieldName: FieldName = joinKeys
): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of issues) {
		const keys = (issue.path ?? []).map((item) => item.key as string | number);
		const field = fieldName(keys);
		if (!Object.hasOwn(errors, field)) errors[field] = issue.message;
	}
	return errors;
}

/** The messages in the order the form lists its fields, so the error summary reads down the page. */
function inFieldOrder(errors: FieldErrors, values: object): FieldErrors {
	const fields = Object.keys(values);
	const rank = (field: string) => {
		const i = fields.indexOf(field);
		return i === -1 ? fields.length : i;
	};
	return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

/**
 * The form's fields as typed (`values`, strings the page shows again) checked by `schema`: its
 * output when all is well, otherwise one message per field, keyed by the field's name.
 */
export function checkForm<Schema extends v.GenericSchema, Values extends object>(
	schema: Schema,
	values: Values,
	options: { fieldName?: FieldName } = {}
): CheckedForm<v.InferOutput<Schema>, Values> {
	const result = v.safeParse(schema, values);
	if (result.success) return { ok: true, data: result.output, values };
	const errors = firstMessages(result.issues, options.fieldName);
	return { ok: false, values, errors: inFieldOrder(errors, values) };
}

/** A form of one field: the field's checked value, or its first message. */
export function checkField<Schema extends v.GenericSchema>(
	schema: Schema,
	typed: unknown
): { ok: true; value: v.InferOutput<Schema> } | { ok: false; error: string } {
	const result = v.safeParse(schema, typed);
	return result.success
		? { ok: true, value: result.output }
		: { ok: false, error: result.issues[0].message };
}

/** A text field as posted; one the form did not send counts as left blank. */
export const blankWhenMissing = <Schema extends v.GenericSchema<string, unknown>>(schema: Schema) =>
	v.optional(schema, '');

/**
 * A text field that must be filled in: `blank` when it is empty, `tooLong` past `max`
 * characters; `trim` first takes off spaces around what was typed.
 */
export function requiredText(blank: string, max: number, tooLong: string, { trim = false } = {}) {
	return trim
		? v.pipe(v.string(), v.trim(), v.nonEmpty(blank), v.maxLength(max, tooLong))
		: v.pipe(v.string(), v.nonEmpty(blank), v.maxLength(max, tooLong));
}

/** A text field that may be left blank: blank is stored as nothing (null). */
export const orNull = v.pipe(
	v.string(),
	v.transform((value) => value || null)
);

/**
 * A whole number in digits, from `min` to `max`, or `message`. `digits` bounds how it may be
 * written, where a form has always refused more digits than it needs.
 */
export const wholeNumber = (
	message: string,
	{ min = 0, max = Number.MAX_SAFE_INTEGER, digits = /^\d+$/ } = {}
) =>
	v.pipe(
		v.string(),
		v.regex(digits, message),
		v.transform(Number),
		v.minValue(min, message),
		v.maxValue(max, message)
	);

/**
 * A rule across fields, checked once each named field is right on its own (so one mistake never
 * shows two messages), whatever else on the form is wrong. Its message shows by the first field.
 */
export function acrossFields<Value extends Record<string, unknown>>(
	fields: readonly [keyof Value & string, ...(keyof Value & string)[]],
	requirement: (value: Value) => boolean,
	message: string
): v.RawCheckAction<Value> {
	return problemAcrossFields(fields, (value) => (requirement(value) ? null : message));
}

/** As acrossFields, for a rule whose message depends on what was typed: `problem` gives it. */
export function problemAcrossFields<Value extends Record<string, unknown>>(
	fields: readonly [keyof Value & string, ...(keyof Value & string)[]],
	problem: (value: Value) => string | null
): v.RawCheckAction<Value> {
	return v.rawCheck(({ dataset, addIssue }) => {
		const named = (issue: v.BaseIssue<unknown>) =>
			fields.some((field) => issue.path?.[0]?.key === field);
		if (dataset.issues?.some(named)) return;
		const value = dataset.value as Value;
		const message = problem(value);
		if (message === null) return;
		const [key] = fields;
		const at = { type: 'object' as const, origin: 'value' as const, input: value, key };
		addIssue({ message, path: [{ ...at, value: value[key] }] });
	});
}
