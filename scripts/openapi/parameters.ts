/** Operation parameters, `$ref`s resolved, and what their documentation declares. */
import { lookup } from './resolve.js';
import type { OpenApiDocument, OperationObject, ParameterObject } from './types.js';

/** The operation's own parameters in declaration order, each `$ref` resolved. */
export function parametersOf(doc: OpenApiDocument, operation: OperationObject): ParameterObject[] {
  return (operation.parameters ?? []).map((parameter) => resolveParameter(doc, parameter));
}

/** Resolves a parameter that may itself be a `$ref`. */
export function resolveParameter(doc: OpenApiDocument, parameter: ParameterObject): ParameterObject {
  return parameter.$ref ? lookup<ParameterObject>(doc, parameter.$ref) : parameter;
}

/**
 * The largest value the parameter accepts: its schema's `maximum`, else "Maximum value is N" in its
 * description (how most documents state a page-size ceiling), else undefined.
 */
export function documentedMaximum(parameter: ParameterObject | undefined): number | undefined {
  if (typeof parameter?.schema?.maximum === 'number') return parameter.schema.maximum;
  const stated = /maximum value is (\d+)/i.exec(parameter?.description ?? '');
  return stated ? Number(stated[1]) : undefined;
}
