import { createHash } from 'node:crypto';

/**
 * The one stylesheet: mobile-first, system fonts, large tap targets, contrast ≥ 4.5:1 (text #1a1a1a
 * and links #0b4f9c on white; white on #8a1c1c). Small enough that no page nears 100 KB.
 */
export const siteCss = `*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:100%;line-height:1.5;color:#1a1a1a;background:#fff}
body{margin:0}
a{color:#0b4f9c}
a:focus,button:focus,input:focus,select:focus,textarea:focus,.table-scroll:focus{outline:3px solid #f0b400;outline-offset:2px}
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
input,select,textarea{font:inherit;width:100%;max-width:24rem;padding:.6rem;border:2px solid #555;border-radius:4px;background:#fff;color:#1a1a1a}
textarea{max-width:40rem;min-height:6rem}
input[type=checkbox],input[type=radio]{width:auto;min-width:1.25rem;min-height:1.25rem;margin-right:.5rem}
label.inline{display:flex;align-items:center;font-weight:400}
fieldset{border:1px solid #888;border-radius:4px;margin:1rem 0;padding:.5rem 1rem 1rem}
legend{font-weight:700;padding:0 .25rem}
button,a.button{display:inline-block;font:inherit;font-weight:700;margin-top:.75rem;padding:.6rem 1.25rem;min-height:44px;color:#fff;background:#0b4f9c;border:0;border-radius:4px;cursor:pointer;text-decoration:none}
button.secondary{color:#0b4f9c;background:#fff;border:2px solid #0b4f9c}
button.danger{background:#8a1c1c}
button.link{background:none;color:#fff;text-decoration:underline;padding:0 .25rem;margin:0;min-height:auto;font-weight:400}
.account{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.5rem 0 0}
table{border-collapse:collapse;width:100%;margin:.75rem 0}
th,td{text-align:left;padding:.5rem;border-bottom:1px solid #ccc;vertical-align:top}
.table-scroll{overflow-x:auto}
.overdue{color:#8a1c1c;font-weight:700}
tr.overdue td{background:#fbeeee}
.success{border-left:4px solid #1b6e3a;background:#e9f5ee;padding:.75rem}
.status{display:inline-block;padding:.1rem .5rem;border:1px solid #555;border-radius:1rem;font-size:.875rem}
.actions form{margin:.75rem 0;padding:.75rem;border:1px solid #ccc;border-radius:4px}
figure{margin:1rem 0}
figcaption{font-weight:700}
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
