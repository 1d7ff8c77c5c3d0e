// Generated: every docutils 0.22.4 language module.
import type { LanguageData } from './types.js'
import { af } from './af.js'
import { ar } from './ar.js'
import { ca } from './ca.js'
import { cs } from './cs.js'
import { da } from './da.js'
import { de } from './de.js'
import { en } from './en.js'
import { eo } from './eo.js'
import { es } from './es.js'
import { fa } from './fa.js'
import { fi } from './fi.js'
import { fr } from './fr.js'
import { gl } from './gl.js'
import { he } from './he.js'
import { it } from './it.js'
import { ja } from './ja.js'
import { ka } from './ka.js'
import { ko } from './ko.js'
import { lt } from './lt.js'
import { lv } from './lv.js'
import { nl } from './nl.js'
import { pl } from './pl.js'
import { ptbr } from './pt-br.js'
import { ru } from './ru.js'
import { sk } from './sk.js'
import { sv } from './sv.js'
import { uk } from './uk.js'
import { zhcn } from './zh-cn.js'
import { zhtw } from './zh-tw.js'

export const languageModules: Record<string, LanguageData> = {
  "af": af,
  "ar": ar,
  "ca": ca,
  "cs": cs,
  "da": da,
  "de": de,
  "en": en,
  "eo": eo,
  "es": es,
  "fa": fa,
  "fi": fi,
  "fr": fr,
  "gl": gl,
  "he": he,
  "it": it,
  "ja": ja,
  "ka": ka,
  "ko": ko,
  "lt": lt,
  "lv": lv,
  "nl": nl,
  "pl": pl,
  "pt_br": ptbr,
  "ru": ru,
  "sk": sk,
  "sv": sv,
  "uk": uk,
  "zh_cn": zhcn,
  "zh_tw": zhtw,
}
