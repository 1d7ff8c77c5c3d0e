import { parse } from '../../lib/parse.js'
const tree = parse('Title\n=====\n\npara\n\n.. image:: x.png\n\n.. note:: hi\n', { settings: { syntax_highlight: 'none' } })
console.log(JSON.stringify(tree, (k, v) => v, 1).slice(0, 3000))
