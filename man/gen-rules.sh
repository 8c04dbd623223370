#!/bin/sh
# Regenerates the RULES section of man/ip-patterns.1 from the rule table
# (ip-patterns --list), so the man page cannot drift from the code.
#   sh man/gen-rules.sh [IP_PATTERNS] [MANPAGE]      rewrites MANPAGE
#   sh man/gen-rules.sh --print [IP_PATTERNS]         prints the section
set -eu
print_only=0
if [ "${1:-}" = "--print" ]; then
	print_only=1
	shift
fi
prog=${1:-bin/ip-patterns}
page=${2:-man/ip-patterns.1}

section() {
	"$prog" --list --profile=all --format=ndjson | jq -rs '
	def esc: gsub("\\\\"; "\\e");
	def line: esc | if test("^[.\u0027]") then "\\&" + . else . end;
	# one sentence per line, as roff wants
	def sentences: gsub("(?<p>[.?!]) +(?<c>[A-Z(])"; "\(.p)\n\(.c)")
		| split("\n") | map(line) | .[];
	# an example of 1,001 IN values is shown with its middle cut out
	def short: if length > 160 then .[0:100] + " ... " + .[-50:] else . end;
	def lines: split("\n") | map(short | line) | .[];
	def dialects: .dialects | join(", ");
	. as $all
	| reduce range(0; length) as $i ({out: [], cat: null};
		$all[$i] as $r
		| .out += (if $r.category != .cat then
			(if .cat != null then [".El"] else [] end)
			+ [".Ss \($r.category)", ".Bl -tag -width Ds"]
		  else [] end)
		| .cat = $r.category
		| .out += [
			".It Li \($r.id)",
			"Dialects \($r | dialects); severity \($r.severity); "
			+ (if $r.profile == "default" then "on by default"
			   else "extended: off unless enabled" end)
			+ "; input \($r.input).",
			".Pp",
			($r.summary | sentences),
			".Pp",
			("Why: " + ($r.why // "") | sentences),
			".Pp",
			("Fix: " + ($r.fix // "") | sentences)
		  ]
		| .out += (if ($r.thresholds | length) > 0 then
			[".Pp", "Thresholds:", ".Bl -tag -width Ds -compact"]
			+ [$r.thresholds[] | ".It Li \(.name) Pq default \(.default)",
			   ((.description // "") | line)]
			+ [".El"]
		  else [] end)
		| .out += (if $r.example_fire then
			[".Pp", "Fires:", ".Bd -literal -offset indent"]
			+ [$r.example_fire | rtrimstr("\n") | lines]
			+ [".Ed", "Does not fire:", ".Bd -literal -offset indent"]
			+ [$r.example_quiet | rtrimstr("\n") | lines]
			+ [".Ed"]
		  else [] end))
	| .out + [".El"] | .[]'
}

if [ "$print_only" = 1 ]; then
	section
	exit 0
fi
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.sec"' EXIT
section >"$tmp.sec"
awk -v sec="$tmp.sec" '
	/^\.\\" BEGIN RULES/ { print; while ((getline l < sec) > 0) print l; skip = 1; next }
	/^\.\\" END RULES/ { skip = 0 }
	!skip { print }
' "$page" >"$tmp"
cat "$tmp" >"$page"
