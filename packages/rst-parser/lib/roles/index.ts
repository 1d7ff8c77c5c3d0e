/**
 * Interpreted text roles: registry and standard roles.
 *
 * docutils: parsers/rst/roles.py (module import registers the standard roles).
 */
import { englishRst } from '../languages/index.js'
import { setFallbackLanguage } from './registry.js'
import { registerStandardRoles } from './standard.js'

setFallbackLanguage(englishRst)
registerStandardRoles()

export * from './registry.js'
export {
  codeRole,
  mathRole,
  pepReferenceRole,
  rawRole,
  registerStandardRoles,
  rfcReferenceRole,
  unimplementedRole
} from './standard.js'
export { formatPercent } from './format.js'
