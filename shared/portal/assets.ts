import { createHash } from 'node:crypto';

/**
 * The one stylesheet: mobile-first, system fonts, large tap targets, contrast ≥ 4.5:1 (text #1a1a1a
 * and links #0b4f9c on white; white on #8a1c1c). Small enough that no page nears 100 KB.
 */
export const siteCss = `*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:100%;line-height:1.5;color:#1a1a1a;background:#fff}
body{margin:0}
a{color:#0b4f9c}
a:focus,button:focus,input:focus{outline:3px solid #f0b400;outline-offset:2px}
.skip{position:absolute;left:-999px}
.skip:focus{left:.5rem;top:.5rem;background:#fff;padding:.5rem;z-index:1}
header{background:#8a1c1c;color:#fff;padding:.75rem 1rem}
header a{color:#fff;font-weight:700;text-decoration:none}
nav ul{list-style:none;margin:.5rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
nav a{font-weight:400;text-decoration:underline}
main{max-width:48rem;margin:0 auto;padding:1rem}
footer{border-top:1px solid #ccc;padding:1rem;font-size:.875rem;color:#444;text-align:center}
h1{font-size:1.5rem;line-height:1.25}
h2{font-size:1.25rem}
label{display:block;font-weight:700;margin:.75rem 0 .25rem}
input{font:inherit;width:100%;max-width:24rem;padding:.6rem;border:2px solid #555;border-radius:4px}
button{font:inherit;font-weight:700;margin-top:.75rem;padding:.6rem 1.25rem;min-height:44px;color:#fff;background:#0b4f9c;border:0;border-radius:4px;cursor:pointer}
ul.results{padding-left:1.25rem}
ul.results li{margin:.5rem 0}
dl{display:grid;grid-template-columns:1fr;gap:.25rem}
dt{font-weight:700;margin-top:.5rem}
dd{margin:0}
.notice{border-left:4px solid #8a1c1c;background:#fbeeee;padding:.75rem}
.hint{color:#444;font-size:.875rem}
article{border-bottom:1px solid #ddd;padding:.5rem 0}
@media (min-width:40rem){dl{grid-template-columns:14rem 1fr}dt{margin-top:0}}
`;

/** Content hash in the URL: the stylesheet is cached for a year and a new version gets a new URL. */
export const siteCssVersion = createHash('sha256').update(siteCss).digest('hex').slice(0, 12);
