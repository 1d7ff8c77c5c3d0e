import { createProcessor } from '@mdx-js/mdx'
import remarkDirective from 'remark-directive'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
const p = createProcessor({ remarkPlugins: [remarkGfm, remarkDirective, remarkMath] })
console.log(JSON.stringify(p.parse(JSON.parse(process.argv[2])), (k, v) => k === 'position' ? undefined : v))
