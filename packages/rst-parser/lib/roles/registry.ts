/**
 * The interpreted text role registry.
 *
 * docutils: parsers/rst/roles.py `role`, `register_canonical_role`,
 * `register_local_role`, `set_implicit_options`, `GenericRole`,
 * `CustomRole`, `generic_custom_role`, `normalize_options`.
 *
 * Difference from docutils: local roles (`_roles`, filled by lookups, the
 * `role` directive and `default-role`) belong to one document (keyed by its
 * reporter), not to the process, so parses do not influence each other.
 */
import { classOption, type Converter } from '../directives/converters.js'
import { element, text, type Attributes, type AttributeValue, type RstElement, type RstNode } from '../nodes.js'
import type { Reporter } from '../reporter.js'
import type { RoleInliner } from './types.js'
import { emptyList, listOf1 } from '../util/arrays.js'

export type { RoleInliner } from './types.js'

/** Role options after conversion (`class` → `classes` by `normalizeOptions`). */
export type RoleOptions = Record<string, unknown>

/**
 * A role function (docutils: the role function interface, roles.py
 * docstring), with the customization attributes `options` and `content`.
 */
export interface RoleFunction {
  (
    name: string,
    rawtext: string,
    text: string,
    lineno: number,
    inliner: RoleInliner,
    options?: RoleOptions,
    content?: string[]
  ): [RstNode[], RstElement[]]
  /** Option name → converter; `null` explicitly disables an option. */
  options?: Record<string, Converter | null> | null
  /** Whether content is allowed (`role` directive). */
  content?: boolean
}

/** Language module with role names (docutils parsers/rst/languages/xx.py). */
export interface RoleLanguageModule {
  readonly name?: string
  readonly roles: Readonly<Record<string, string>>
}

/** docutils: roles.DEFAULT_INTERPRETED_ROLE */
export const DEFAULT_INTERPRETED_ROLE = 'title-reference'

/** docutils: roles._role_registry — canonical name → role function. */
const roleRegistry = new Map<string, RoleFunction>()

/** docutils: roles._roles — per document (keyed by its reporter). */
const localRoleRegistries = new WeakMap<object, Map<string, RoleFunction>>()

/** Something identifying a document: its `DocumentContext` or its `Reporter`. */
export type RoleScope = Reporter | { reporter: Reporter }

function scopeKey(scope: RoleScope): object {
  return 'reporter' in scope && scope.reporter ? scope.reporter : scope
}

/**
 * The local roles of a document (docutils `roles._roles`).
 *
 * @param scope The document (or its reporter).
 * @returns The mutable map of lowercased local name → role function.
 */
export function localRoles(scope: RoleScope): Map<string, RoleFunction> {
  const key = scopeKey(scope)
  let map = localRoleRegistries.get(key)
  if (!map) {
    map = new Map()
    localRoleRegistries.set(key, map)
  }
  return map
}

/** Python `%r` of a language module (for docutils' message). */
function moduleName(language: RoleLanguageModule): string {
  return `docutils.parsers.rst.languages.${language.name ?? 'en'}`
}

let fallbackLanguage: RoleLanguageModule | undefined

/**
 * Set the English fallback language module (docutils
 * `_fallback_language_module`); done by `lib/roles/index.ts`.
 *
 * @param language English role names.
 */
export function setFallbackLanguage(language: RoleLanguageModule): void {
  fallbackLanguage = language
}

/**
 * docutils: roles.role — locate a role function from its language-dependent
 * name, with the info messages docutils emits.
 *
 * @param roleName Role name as written (empty: the default role).
 * @param languageModule The document's rST language module (`undefined`: none found).
 * @param lineno Line for messages.
 * @param reporter The document's reporter (also selects its local roles).
 * @returns The role function (`undefined` when unknown) and messages.
 */
export function role(
  roleName: string,
  languageModule: RoleLanguageModule | undefined | null,
  lineno: number,
  reporter: Reporter
): [RoleFunction | undefined, RstElement[]] {
  const normname = roleName.toLowerCase()
  const roles = localRoles(reporter)
  const local = roles.get(normname)
  if (local) return [local, []]
  const messages: RstElement[] = []
  const msgText: string[] = []

  let canonicalname: string | undefined
  if (roleName) {
    if (!languageModule) {
      msgText.push(
        "Problem retrieving role entry from language module None: 'NoneType' object has no attribute 'roles'."
      )
    } else if (Object.hasOwn(languageModule.roles, normname)) {
      canonicalname = languageModule.roles[normname]
    } else {
      msgText.push(`No role entry for "${roleName}" in module "${moduleName(languageModule)}".`)
    }
  } else {
    canonicalname = DEFAULT_INTERPRETED_ROLE
  }

  if (!canonicalname) {
    const fallback = fallbackLanguage?.roles
    if (fallback && Object.hasOwn(fallback, normname)) {
      canonicalname = fallback[normname]
      msgText.push(`Using English fallback for role "${roleName}".`)
    } else {
      msgText.push(`Trying "${roleName}" as canonical role name.`)
      canonicalname = normname
    }
  }

  if (msgText.length > 0) {
    messages.push(reporter.info(msgText.join('\n'), [], { line: lineno }))
  }

  const roleFn = canonicalname === undefined ? undefined : roleRegistry.get(canonicalname)
  if (roleFn) {
    registerLocalRole(normname, roleFn, reporter)
    return [roleFn, messages]
  }
  return [undefined, messages]
}

/**
 * docutils: roles.register_canonical_role.
 *
 * @param name Canonical name.
 * @param roleFn Role function.
 */
export function registerCanonicalRole(name: string, roleFn: RoleFunction): void {
  setImplicitOptions(roleFn)
  roleRegistry.set(name.toLowerCase(), roleFn)
}

/**
 * docutils: roles.register_local_role (per document here).
 *
 * @param name Local or language-dependent name.
 * @param roleFn Role function.
 * @param scope The document (or its reporter).
 */
export function registerLocalRole(name: string, roleFn: RoleFunction, scope: RoleScope): void {
  setImplicitOptions(roleFn)
  localRoles(scope).set(name.toLowerCase(), roleFn)
}

/**
 * Remove a local role (docutils `del roles._roles[name]`, used by
 * `default-role` without argument).
 *
 * @param name Local name ('' for the default role).
 * @param scope The document (or its reporter).
 */
export function unregisterLocalRole(name: string, scope: RoleScope): void {
  localRoles(scope).delete(name.toLowerCase())
}

/**
 * docutils: roles.set_implicit_options — add the `class` option unless
 * explicitly set or disabled.
 *
 * @param roleFn Role function (modified).
 */
export function setImplicitOptions(roleFn: RoleFunction): void {
  if (roleFn.options === undefined || roleFn.options === null) {
    roleFn.options = { class: classOption }
  } else if (!('class' in roleFn.options)) {
    roleFn.options.class = classOption
  }
}

/**
 * docutils: roles.normalize_options — `None` → `{}`, `class` → `classes`.
 *
 * @param options Converted options.
 * @returns A new object.
 */
export function normalizeOptions(options: RoleOptions | undefined | null): RoleOptions {
  if (!options) return {}
  const result: RoleOptions = { ...options }
  if ('class' in result) {
    result.classes = result.class
    delete result.class
  }
  return result
}

/** docutils: roles.normalized_role_options (obsolete alias). */
export const normalizedRoleOptions = normalizeOptions

/**
 * docutils: roles.set_classes (obsolete) — rename `class` to `classes` in place.
 *
 * @param options Options (modified).
 */
export function setClasses(options: RoleOptions | undefined | null): void {
  if (options && 'class' in options) {
    options.classes = options.class
    delete options.class
  }
}

/** Options as node attributes (`**options`). */
export function optionAttributes(options: RoleOptions): Attributes {
  const attributes: Attributes = {}
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue
    attributes[key] = value as AttributeValue
  }
  return attributes
}

/**
 * docutils: `nodes.TextElement(rawsource, text, **attributes)` — an element
 * with one text child unless the text is empty.
 *
 * @param type Node type.
 * @param value Text (may contain null escapes).
 * @param attributes Attributes.
 * @returns The element.
 */
export function textElement(type: string, value: string, attributes?: Attributes): RstElement {
  // `element` copies `attributes` (or makes a fresh `{}` for `undefined`).
  return element(type, attributes, value ? listOf1(text(value)) : emptyList<RstNode>())
}

/**
 * docutils: roles.GenericRole — wrap the text in `nodeType`.
 *
 * @param roleName Canonical name.
 * @param nodeType Node type (`emphasis`, `strong`, …).
 * @returns The role function.
 */
export function genericRole(roleName: string, nodeType: string): RoleFunction {
  const roleFn: RoleFunction = (_name, _rawtext, value, _lineno, _inliner, options) => {
    // Without options (nearly always) the attributes are `{}`.
    const attributes = options ? optionAttributes(normalizeOptions(options)) : undefined
    return [[textElement(nodeType, value, attributes)], []]
  }
  Object.defineProperty(roleFn, 'name', { value: roleName })
  return roleFn
}

/**
 * docutils: roles.register_generic_role.
 *
 * @param canonicalName Canonical role name.
 * @param nodeType Node type.
 */
export function registerGenericRole(canonicalName: string, nodeType: string): void {
  registerCanonicalRole(canonicalName, genericRole(canonicalName, nodeType))
}

/**
 * docutils: roles.CustomRole — a role made by the `role` directive: the base
 * role with supplied options and content.
 *
 * @param roleName New role name.
 * @param baseRole Base role function.
 * @param suppliedOptions Options from the directive (converted).
 * @param suppliedContent Content lines from the directive.
 * @returns The role function.
 */
export function customRole(
  roleName: string,
  baseRole: RoleFunction,
  suppliedOptions?: RoleOptions | null,
  suppliedContent?: string[] | null
): RoleFunction {
  const roleFn: RoleFunction = (name, rawtext, value, lineno, inliner, options, content) => {
    const opts = normalizeOptions(suppliedOptions)
    if (options) Object.assign(opts, options)
    const supplied = suppliedContent ?? []
    const given = content ?? []
    const delimiter = supplied.length > 0 && given.length > 0 ? ['\n'] : []
    return baseRole(name, rawtext, value, lineno, inliner, opts, [...supplied, ...delimiter, ...given])
  }
  Object.defineProperty(roleFn, 'name', { value: roleName })
  roleFn.options = baseRole.options
  roleFn.content = baseRole.content
  return roleFn
}

/** Alias with docutils' class name. */
export const CustomRole = customRole

/**
 * docutils: roles.generic_custom_role — base for custom roles without a
 * base role: an `inline` element.
 */
export const genericCustomRole: RoleFunction = Object.assign(
  (
    _name: string,
    _rawtext: string,
    value: string,
    _lineno: number,
    _inliner: RoleInliner,
    options?: RoleOptions
  ): [RstNode[], RstElement[]] => {
    return [[textElement('inline', value, optionAttributes(normalizeOptions(options)))], []]
  },
  { options: { class: classOption } as Record<string, Converter | null> }
)
