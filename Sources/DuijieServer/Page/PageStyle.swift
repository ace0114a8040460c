/// The page's style sheet: plain CSS, system fonts with CJK fallbacks, no external asset.
enum PageStyle {
    static let text = #"""
:root { --ink: #1d2733; --muted: #5b6775; --line: #d8dee6; --accent: #b4232a; --accent-soft: #fbeaea; --bg: #f4f6f8; --ok: #1f7a4d; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: var(--bg); }
header { display: flex; align-items: center; gap: 1.5rem; padding: .6rem 1.5rem; background: #fff; border-bottom: 1px solid var(--line); position: sticky; top: 0; z-index: 1; }
h1 { font-size: 1.15rem; margin: 0; white-space: nowrap; }
h1 .mark { color: #fff; background: var(--accent); padding: .1rem .45rem; border-radius: 4px; margin-right: .3rem; }
h2 { font-size: 1.05rem; margin: 0 0 .8rem; }
h3 { font-size: .95rem; margin: 1rem 0 .4rem; }
nav { display: flex; gap: .3rem; }
nav button { background: none; border: none; border-bottom: 2px solid transparent; border-radius: 0; color: var(--muted); padding: .4rem .7rem; }
nav button.active { color: var(--ink); border-bottom-color: var(--accent); font-weight: 600; }
.who { margin-left: auto; display: flex; align-items: center; gap: .6rem; color: var(--muted); }
main { max-width: 1100px; margin: 1.2rem auto; padding: 0 1rem; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1.1rem 1.3rem; margin-bottom: 1rem; }
.narrow { max-width: 360px; margin: 3rem auto; }
.row { display: flex; flex-wrap: wrap; gap: .8rem; align-items: flex-end; margin-bottom: .6rem; }
.grow { flex: 1 1 16rem; }
.small { flex: 0 0 7rem; }
label { display: flex; flex-direction: column; gap: .2rem; font-size: .85rem; color: var(--muted); }
label:has(> input[type=checkbox]) { flex-direction: row; align-items: center; }
input, select, textarea { font: inherit; color: var(--ink); padding: .4rem .5rem; border: 1px solid var(--line); border-radius: 5px; background: #fff; }
textarea { width: 100%; }
.plan-files { display: grid; gap: .3rem; margin-bottom: .6rem; }
.hint { color: #555; }
#plan-changes { white-space: pre-wrap; background: #f6f7f9; padding: .6rem; border-radius: 5px; }
button { font: inherit; padding: .42rem .9rem; border-radius: 5px; border: 1px solid var(--line); background: #fff; color: var(--ink); cursor: pointer; }
button[type=submit], #save-case { background: var(--accent); border-color: var(--accent); color: #fff; }
button:disabled { opacity: .5; cursor: wait; }
details { margin: .2rem 0 .8rem; }
summary { cursor: pointer; color: var(--muted); margin-bottom: .5rem; }
.error { color: var(--accent); min-height: 1.2em; margin: .4rem 0 0; }
.note { color: var(--ok); min-height: 1.2em; margin: .4rem 0 0; }
#results { list-style: none; padding: 0; margin: 0; }
.result { border-top: 1px solid var(--line); padding: .8rem 0; display: grid; grid-template-columns: 2.2rem 1fr 8rem; gap: .2rem 1rem; }
.result .rank { font-size: 1.2rem; color: var(--muted); text-align: right; }
.result .name { font-weight: 600; }
.result .meta { color: var(--muted); font-size: .85rem; }
.result .score { text-align: right; font-variant-numeric: tabular-nums; }
.bar { height: 6px; background: var(--line); border-radius: 3px; margin-top: .3rem; }
.bar > span { display: block; height: 100%; background: var(--accent); border-radius: 3px; }
.result ul { margin: .3rem 0 0; padding-left: 1.1rem; font-size: .9rem; }
.terms { display: flex; flex-wrap: wrap; gap: .3rem; margin-top: .3rem; }
.terms span { background: var(--accent-soft); color: var(--accent); border-radius: 3px; padding: 0 .35rem; font-size: .8rem; }
.path { font-size: .82rem; color: var(--muted); margin-top: .2rem; }
.weak { color: #a15c00; font-size: .8rem; }
.actions { border-top: 1px solid var(--line); padding-top: .8rem; margin-top: .4rem; }
table { width: 100%; border-collapse: collapse; font-size: .9rem; }
th, td { text-align: left; padding: .45rem .4rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 500; }
#case-list tbody tr { cursor: pointer; }
#case-list tbody tr:hover { background: var(--bg); }
.badge { font-size: .75rem; border: 1px solid var(--accent); color: var(--accent); border-radius: 3px; padding: 0 .3rem; margin-left: .4rem; }
#case-events { font-size: .88rem; color: var(--muted); padding-left: 1.1rem; }
table.stats { margin-bottom: .6rem; table-layout: fixed; }
table.stats th:first-child { width: 30%; }
table.stats td.number, table.stats th:not(:first-child) { text-align: right; font-variant-numeric: tabular-nums; }
"""#
}
