// KaTeX's CSS for the math the converter emits, bundled instead of loaded from a CDN.
import 'katex/dist/katex.min.css';
