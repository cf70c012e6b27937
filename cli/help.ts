// Help texts: `pinggu --help` and `pinggu <command> --help`.
export const USAGE = `Usage: pinggu <command> [options]

评估通 Pinggu secretariat command line: demo bundles, verification, merging, reports, Excel
scoresheet workbooks and the department's registry of bases.

Commands:
  demo     write a demo round: one round bundle and one score bundle per panel
  verify   check bundles the way the app does and print one line per file
  merge    merge the round and score bundles (and filled .xlsx scoresheets) of one round into
           a signed result bundle
  report   results per base of a result bundle, as JSON, CSV or xlsx
  workbook an expert's Excel scoresheet workbook (.xlsx) from a round bundle
  registry the department's registry of bases (基地库) from result and registry bundles, as
           JSON

Run "pinggu <command> --help" for a command's options.
Exit codes: 0 success; 1 usage error or failure; 2 an input file was invalid or refused.
Encrypted bundles: put the passphrase in the PINGGU_PASSPHRASE environment variable.
`;

const DEMO = `Usage: pinggu demo --out DIR [--seed N] [--bases N] [--panels N] [--years N]

Writes the built-in demo round as the secretariat and the panels would exchange it:
DIR/round-panel-<k>.pgb (round bundle for panel k, signed by the secretariat) and
DIR/scores-panel-<k>.pgb (panel k's scoresheets, signed by its laptop). Everything, keys and
times included, derives from the seed: the same options write byte-identical files.
Prints the written paths on stdout, progress on stderr.

With --years N it also writes N closed years of the whole demo registry (from 2023 on) as the
secretariat's signed result bundles, DIR/result-<year>.pgb, for "pinggu registry" and the
app's 基地库: closure version 1, a final decision for every base with its basis. Year 1 is an
integration round (纳入 of every legacy base from 60 points, 合并 of a retired engineering lab
into a base of its type in the same round, 撤销 of the other retired bases, 限期整改 below 60
points and of the weakest); each later year a periodic round of the bases still in the list,
where a base under 限期整改 is evaluated again (from 60 points 保留并调整方向, or 纳入 if it
never joined the new series; else 撤销) and the weakest other base is told to rectify; year 2
converts (转) a B4 center to B3.

Options:
  --out DIR     folder to write into (created if missing); round-panel-*.pgb and
                scores-panel-*.pgb files of an earlier run there are replaced
  --seed N      demo seed, 0 to 4294967295 (default 20230915)
  --bases N     only N bases of the registry (about 120), picked at even steps through it
                so that types and cities stay mixed (default: all)
  --panels N    regroup the bases into N panels (1 to 10, at most --bases) of near-equal size
                in regional order; 4 or omitted: the demo's regional panels, where a region
                without a base forms no panel
  --years N     also write N closed years (1 to 10) as result-<year>.pgb; result-<year>.pgb
                files of an earlier run there are replaced. --bases and --panels concern
                the current round only
`;

const VERIFY = `Usage: pinggu verify FILE...

Opens each bundle exactly as the app does (size limits, entry names, hashes, signature,
schemas) and prints one line per file:
  OK <file> <kind> <round> <panel|-> <sheets> <fingerprint>[ closed v<N>]
  INVALID <file>: <reason>
<fingerprint> is the signer's key, e.g. 56A7-ADA6-525D-D92B; "closed v<N>" marks a result
bundle of a closed round, written at its N-th closing (2 after one reopening).
Exit code 0 only when every file is valid, else 2. A valid signature says who signed the
bundle, not that the signer is trusted: compare the fingerprint with the panel's signed
paper summary, or merge with --trust.
`;

const MERGE = `Usage: pinggu merge --out RESULT.pgb [--key FILE] [--trust FILE] FILE...

Merges the score bundles and filled Excel scoresheet workbooks (*.xlsx) of one round into a
result bundle. The round bundles among FILE
supply the roster (round, templates, bases, panels, experts, assignments: the union over
panels); the round is that of the first round bundle. Scoresheets merge as in the app's
import: an edit that descends from another wins; concurrent edits that differ keep a
deterministic winner and are reported as conflicts. Prints REFUSED and CONFLICT lines, then
"sheets: N, conflicts: N, refused files: N".

A file is refused when it is invalid, not a round or score bundle, of another round, for a
panel or base no round bundle lists, signed by a device id that signed other files with
a different key, or (with --trust) signed by another key than the trust file's for its
panel's device. Then the exit code is 2 and NOTHING is written. A sheet for a pair that a
round change voided (an expert replaced, a base moved or withdrawn, a conflict declared) is
carried in the result as voided, never counted, and named on stderr.

A FILE ending in .xlsx is an expert's filled scoresheet workbook (pinggu workbook, or the
app's export), taken as the app's import takes it: checked against the round bundles
(identity, layout digest, template versions, every value in range and on the 0.5 step, no
row moved), its sheets those of device "excel:<first 16 hex of the file's SHA-256>" under
the same admission rules; the same file twice changes nothing. A workbook is signed by
nobody, so --trust does not apply to it. A refused workbook: exit 2 and NOTHING written.

Each panel device's key fingerprint goes to stderr. Without --trust the keys are not
checked: compare them with the panels' signed paper summaries; the result records
keysVerified: false. With --trust and every key matching, keysVerified: true.

Options:
  --out FILE    the result bundle to write (required)
  --key FILE    sign with this Ed25519 key: the app's JSON key file, or PKCS#8 PEM or DER.
                Default: the CLI's own key, $PINGGU_HOME/cli-key.json (else
                ~/.pinggu/cli-key.json), created on first use with mode 0600
  --trust FILE  the secretariat's trust file of the round (*.pgtrust.json, exported from
                the app's 下发与回收 tab): the key each panel laptop may sign with. A trust
                file that cannot be read or is invalid, or of another round: exit 2
`;

const REPORT = `Usage: pinggu report FILE [--format json|csv|xlsx] [--method METHOD] [--out FILE]

Results per base of a result bundle, computed exactly as the app's results table does.
--format json (default) prints one JSON object:
  { round, status, closedAt, version, keysVerified, method,
    bases: [ { id, name, type, city, sheets, voidedSheets, mean, median, trimmedMean,
    zscoreMean, aggregate, grade, rankInType, sd, range, disagreement } ] }
status is "closed" for a closed round (closedAt its time, version its closing: 1, 2 after a
reopening…), else "open" (closedAt and version null); keysVerified says whether every panel
key was checked (in the app, or by merge --trust). type is the base type code (A1…C3),
voidedSheets the base's sheets voided by a round change (left out of every statistic),
aggregate the chosen method's value, grade the Chinese label (优秀/良好/合格/不合格), and a
base without a valid sheet has null in every computed field. Withdrawn bases are left out.
--format csv: UTF-8 with BOM (Excel opens it), Chinese header row, the same per-base columns
but voidedSheets, numbers
with 2 decimals, disagreement as 是/否; text that starts like a formula (=, +, -, @) gets a
leading apostrophe. --format xlsx: the same as a workbook (needs --out), numbers at full
precision shown with 2 decimals; text is stored as text, never a formula, so it is written
exactly as it is, without an apostrophe.

Options:
  --format F    json, csv or xlsx (default json)
  --method M    mean, median, trimmed (the round's trimming rule: trimCount, trimMinSheets)
                or zscore; default: the round's own method
  --out FILE    write to FILE instead of stdout (required for xlsx)
`;

const WORKBOOK = `Usage: pinggu workbook ROUND.pgb --expert EXPERT --out FILE.xlsx

Writes an expert's Excel scoresheet workbook from a round bundle, the file the app's export
writes (docs/excel-scoresheet.md): a 说明 sheet, one protected sheet per base the expert is
assigned and not recused from, and the hidden identity. Fill it in Excel, WPS or LibreOffice,
then give it to "pinggu merge" or the app's import. An encrypted bundle needs
PINGGU_PASSPHRASE. Exit 2, nothing written, when the bundle is invalid or not a round bundle,
no expert has that id or name (or two share the name), or the expert has no base to score.

Options:
  --expert E    the expert's id, or exact name
  --out FILE    the .xlsx file to write (required)
`;

const REGISTRY = `Usage: pinggu registry FILE...

The department's registry of bases (基地库) from result bundles of closed rounds and registry
bundles (省厅基地库名单包), given in any order, as one JSON object on stdout:
  { bases: [ { code, name, category, type, status, mergedInto?, rectifyUntil?,
               history: [ { roundId, year, aggregate, grade, disposition? } ] } ],
    flows: [ { year, from, to, count } ] }
Each file is opened as "pinggu verify" opens it. The rounds apply in their own order (year,
then closing time, then round id), of each round only its newest closing version: the same
files in any order print the same bytes. bases are sorted by registry code. category is A, B
or C; type the current type code (A1…C3) after every 纳入 (include) and 转 (convert), the
target type while a base is not yet integrated; status is active (运行中), rectifying (限期整改,
with rectifyUntil, a date YYYY-MM-DD: the closing's Beijing date plus 12 months), revoked
(已撤销) or merged (已并入, with mergedInto, the target's code). history has one line per round
that evaluated the base, oldest first: aggregate and grade (excellent, good, pass, fail) under
that round's own rule (null without a valid sheet), disposition the final decision (include,
keepAdjust, rectify, merge, convert, revoke; absent when there was none). flows are the moves
of 有进有出 per year: from a legacy type, a type or "new", to a type, "revoked" or "merged".
A key that does not apply is absent, never null.

A registry bundle's bases are known bases: a base no given result bundle names is listed as
the newest registry bundle listing it records it (status, deadline, target, history), and
makes no flow; a base a given result bundle names is what the result bundles say.

A file that is invalid, not a result or registry bundle, or the result bundle of a round that
is not closed (or whose decisions name bases it does not have): one REFUSED line per file on
stderr, exit 2, nothing on stdout.
`;

export const HELP = {
  demo: DEMO,
  verify: VERIFY,
  merge: MERGE,
  report: REPORT,
  workbook: WORKBOOK,
  registry: REGISTRY,
} as const;

export type CommandName = keyof typeof HELP;
