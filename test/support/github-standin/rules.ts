// What GitHub refuses beyond the schema itself, checked after `validate()` and before a query runs:
// - a connection whose `nodes` or `edges` are asked for needs `first` or `last` (not both), 1 to 100;
// - a query may ask for at most 500,000 nodes in all (each connection's page size times its parents').
// https://docs.github.com/en/graphql/guides/using-pagination-in-the-graphql-api
// https://docs.github.com/en/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api#node-limit
// Messages follow GitHub's wording; the `type`s are GitHub's error types.
import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

export interface RuleError {
  type: "MISSING_PAGINATION_BOUNDARIES" | "EXCESSIVE_PAGINATION" | "MAX_NODE_LIMIT_EXCEEDED";
  path: string[];
  locations: { line: number; column: number }[];
  message: string;
}

export const MAX_PAGE = 100;
export const MAX_NODES = 500_000;

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  errors: RuleError[];
  nodes: number;
}

const locations = (node: FieldNode) =>
  node.loc ? [{ line: node.loc.startToken.line, column: node.loc.startToken.column }] : [];

/** The fields a selection set asks for, through inline fragments and fragment spreads. */
function selectedNames(selectionSet: SelectionSetNode | undefined, walk: Walk, names = new Set<string>()): Set<string> {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) names.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) selectedNames(selection.selectionSet, walk, names);
    else selectedNames(walk.fragments.get(selection.name.value)?.selectionSet, walk, names);
  }
  return names;
}

/** GitHub names its connection types `…Connection`; they carry `nodes` and/or `edges`. */
function isConnection(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  return (
    isObjectType(type) &&
    type.name.endsWith("Connection") &&
    ("nodes" in type.getFields() || "edges" in type.getFields())
  );
}

function checkConnection(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  path: string[],
  multiplier: number,
  walk: Walk,
): number {
  const args = getArgumentValues(field, node, walk.variables) as { first?: number | null; last?: number | null };
  const first = args.first ?? undefined;
  const last = args.last ?? undefined;
  const name = node.name.value;
  const error = (type: RuleError["type"], message: string) =>
    walk.errors.push({ type, path, locations: locations(node), message });
  const selected = selectedNames(node.selectionSet, walk);
  if (selected.has("nodes") || selected.has("edges")) {
    if (first === undefined && last === undefined)
      error(
        "MISSING_PAGINATION_BOUNDARIES",
        `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`,
      );
    else if (first !== undefined && last !== undefined)
      error(
        "MISSING_PAGINATION_BOUNDARIES",
        `Passing both \`first\` and \`last\` to paginate the \`${name}\` connection is not supported.`,
      );
  }
  for (const [limit, value] of [
    ["first", first],
    ["last", last],
  ] as const) {
    if (value === undefined) continue;
    if (value > MAX_PAGE)
      error(
        "EXCESSIVE_PAGINATION",
        `Requesting ${value} records on the \`${name}\` connection exceeds the \`${limit}\` limit of ${MAX_PAGE} records.`,
      );
    else if (value < 1)
      error("EXCESSIVE_PAGINATION", `\`${limit}\` on the \`${name}\` connection must be between 1 and ${MAX_PAGE}.`);
  }
  const size = first ?? last;
  if (size === undefined || size < 1) return multiplier;
  walk.nodes += multiplier * size;
  return multiplier * size;
}

function walkSelections(
  selectionSet: SelectionSetNode | undefined,
  parent: GraphQLNamedType,
  multiplier: number,
  path: string[],
  walk: Walk,
): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value)! : parent;
      walkSelections(selection.selectionSet, type, multiplier, path, walk);
    } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments.get(selection.name.value);
      if (fragment)
        walkSelections(
          fragment.selectionSet,
          walk.schema.getType(fragment.typeCondition.name.value)!,
          multiplier,
          path,
          walk,
        );
    } else if ("getFields" in parent) {
      const field = parent.getFields()[selection.name.value] as GraphQLField<unknown, unknown> | undefined;
      if (!field) continue; // __typename, or a field validate() already refused
      const fieldPath = [...path, selection.alias?.value ?? selection.name.value];
      const inner = isConnection(field) ? checkConnection(field, selection, fieldPath, multiplier, walk) : multiplier;
      walkSelections(selection.selectionSet, getNamedType(field.type), inner, fieldPath, walk);
    }
  }
}

/** GitHub's pagination and node-limit rules for the operation a request runs (valid documents only). */
export function githubRules(
  schema: GraphQLSchema,
  document: DocumentNode,
  inputs: Record<string, unknown>,
  operationName?: string,
): RuleError[] {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return [];
  // Variables as the query will see them: coerced, defaults filled in (coercion errors are execute()'s to report).
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs);
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const walk: Walk = { schema, fragments, variables: coerced.coerced ?? {}, errors: [], nodes: 0 };
  const root = operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  if (!coerced.coerced || !root) return [];
  walkSelections(operation.selectionSet, root, 1, [operation.operation], walk);
  if (walk.nodes > MAX_NODES) {
    walk.errors.push({
      type: "MAX_NODE_LIMIT_EXCEEDED",
      path: [operation.operation],
      locations: [],
      message: `This query requests up to ${walk.nodes.toLocaleString("en-US")} possible nodes which exceeds the maximum limit of ${MAX_NODES.toLocaleString("en-US")}.`,
    });
  }
  return walk.errors;
}
