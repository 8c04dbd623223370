/*
 * Query fingerprints. The percona convention reproduces pt-fingerprint's
 * observable behaviour (learnt by running percona-toolkit 3.2.1 and from
 * the order of its steps) as a fixed sequence of linear passes, each reading
 * one buffer and writing the other, in the order in which the differences
 * between them are visible in its output: comments before strings ("/ * it's *
 * /" is a comment), double-quoted strings before single-quoted ones, numbers
 * before lower-casing (so "0xFF" keeps its upper-case digits as letters).
 */
#include "fingerprint.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "finding.h"
#include "sqltext.h"
#include "banned.h"

/*
 * Character classes as one table lookup each: every pass of the
 * normalization asks them for every byte of every statement.
 */
#define C_WS	    0x01u /* \s with \v */
#define C_COLLAPSED 0x02u /* what the whitespace collapse squeezes: not \v */
#define C_WORD	    0x04u /* \w */
#define C_DIGIT	    0x08u
#define C_NUM_START 0x10u /* digit, + or - */
#define C_NUM_REST  0x20u /* digit, a-f, ., x, b, + or - */
#define C_PREFIX    0x40u /* x, b, ., + or - */

static const unsigned char char_class[256] = {
	['\t'] = C_WS | C_COLLAPSED,
	['\n'] = C_WS | C_COLLAPSED,
	['\v'] = C_WS,
	['\f'] = C_WS | C_COLLAPSED,
	['\r'] = C_WS | C_COLLAPSED,
	[' '] = C_WS | C_COLLAPSED,
	['+'] = C_NUM_START | C_NUM_REST | C_PREFIX,
	['-'] = C_NUM_START | C_NUM_REST | C_PREFIX,
	['.'] = C_NUM_REST | C_PREFIX,
	['0'] = C_WORD | C_DIGIT | C_NUM_START | C_NUM_REST,
	['1'] = C_WORD | C_DIGIT | C_NUM_START | C_NUM_REST,
	['2'] = C_WORD | C_DIGIT | C_NUM_START | C_NUM_REST,
	['3'] = C_WORD | C_DIGIT | C_NUM_START | C_NUM_REST,
	['4'] = C_WORD | C_DIGIT | C_NUM_START | C_NUM_REST,
	['5'] = C_WORD | C_DIGIT | C_NUM_START | C_NUM_REST,
	['6'] = C_WORD | C_DIGIT | C_NUM_START | C_NUM_REST,
	['7'] = C_WORD | C_DIGIT | C_NUM_START | C_NUM_REST,
	['8'] = C_WORD | C_DIGIT | C_NUM_START | C_NUM_REST,
	['9'] = C_WORD | C_DIGIT | C_NUM_START | C_NUM_REST,
	['A'] = C_WORD,
	['B'] = C_WORD,
	['C'] = C_WORD,
	['D'] = C_WORD,
	['E'] = C_WORD,
	['F'] = C_WORD,
	['G'] = C_WORD,
	['H'] = C_WORD,
	['I'] = C_WORD,
	['J'] = C_WORD,
	['K'] = C_WORD,
	['L'] = C_WORD,
	['M'] = C_WORD,
	['N'] = C_WORD,
	['O'] = C_WORD,
	['P'] = C_WORD,
	['Q'] = C_WORD,
	['R'] = C_WORD,
	['S'] = C_WORD,
	['T'] = C_WORD,
	['U'] = C_WORD,
	['V'] = C_WORD,
	['W'] = C_WORD,
	['X'] = C_WORD,
	['Y'] = C_WORD,
	['Z'] = C_WORD,
	['_'] = C_WORD,
	['a'] = C_WORD | C_NUM_REST,
	['b'] = C_WORD | C_NUM_REST | C_PREFIX,
	['c'] = C_WORD | C_NUM_REST,
	['d'] = C_WORD | C_NUM_REST,
	['e'] = C_WORD | C_NUM_REST,
	['f'] = C_WORD | C_NUM_REST,
	['g'] = C_WORD,
	['h'] = C_WORD,
	['i'] = C_WORD,
	['j'] = C_WORD,
	['k'] = C_WORD,
	['l'] = C_WORD,
	['m'] = C_WORD,
	['n'] = C_WORD,
	['o'] = C_WORD,
	['p'] = C_WORD,
	['q'] = C_WORD,
	['r'] = C_WORD,
	['s'] = C_WORD,
	['t'] = C_WORD,
	['u'] = C_WORD,
	['v'] = C_WORD,
	['w'] = C_WORD,
	['x'] = C_WORD | C_NUM_REST | C_PREFIX,
	['y'] = C_WORD,
	['z'] = C_WORD,
};

static inline int is_ws(unsigned char c)
{
	return (char_class[c] & C_WS) != 0;
}

static inline int is_collapsed(unsigned char c)
{
	return (char_class[c] & C_COLLAPSED) != 0;
}

static inline int is_word(unsigned char c)
{
	return (char_class[c] & C_WORD) != 0;
}

static inline int is_digit(unsigned char c)
{
	return (char_class[c] & C_DIGIT) != 0;
}

static inline unsigned char to_lower(unsigned char c)
{
	return (unsigned char)(c + ((unsigned)(c - 'A') < 26u ? 32 : 0));
}

/* Case-insensitive comparison of n bytes of s with the lower-case word. */
static int ieq(const char *s, size_t avail, const char *word)
{
	size_t n;
	size_t i;

	/* most positions fail on the first byte: skip the strlen for them */
	if (avail == 0 ||
	    to_lower((unsigned char)s[0]) != (unsigned char)word[0])
		return 0;
	n = strlen(word);
	if (avail < n)
		return 0;
	for (i = 0; i < n; i++)
		if (to_lower((unsigned char)s[i]) != (unsigned char)word[i])
			return 0;
	return 1;
}

static int has_prefix(const char *s, size_t n, const char *prefix)
{
	size_t p;

	if (n == 0 || s[0] != prefix[0])
		return 0;
	p = strlen(prefix);
	return n >= p && memcmp(s, prefix, p) == 0;
}

/* A word boundary before position i (Perl's \b before a word character). */
static int boundary_before(const char *s, size_t i)
{
	return i == 0 || !is_word((unsigned char)s[i - 1]);
}

/*
 * The passes write a byte at a time: an inline append that only calls out
 * to grow the buffer, instead of adv_buf_addch's per-byte NUL and call.
 * Nothing reads past a pass's length, so its output is not terminated.
 */
static inline void put(struct adv_buf *d, char c)
{
	if (d->len + 1 >= d->cap)
		adv_buf_grow(d, 64);
	d->data[d->len++] = c;
}

/* pt-table-checksum tags its queries with a comment like db.tbl:1/5. */
static int has_checksum_tag(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i++) {
		const char *slash = memchr(s + i, '/', n - 1 - i);
		size_t j;
		size_t k;

		/* few statements have a '/': find it rather than step to it */
		if (slash == NULL)
			return 0;
		i = (size_t)(slash - s);
		if (s[i + 1] != '*')
			continue;
		j = i + 2;
		k = j;
		while (k < n && is_word((unsigned char)s[k]))
			k++;
		if (k == j || k >= n || s[k] != '.')
			continue;
		j = ++k;
		while (k < n && is_word((unsigned char)s[k]))
			k++;
		/* \w+ backtracks, but ':' is not a word character */
		if (k == j || k + 6 > n || s[k] != ':')
			continue;
		if (is_digit((unsigned char)s[k + 1]) && s[k + 2] == '/' &&
		    is_digit((unsigned char)s[k + 3]) && s[k + 4] == '*' &&
		    s[k + 5] == '/')
			return 1;
	}
	return 0;
}

/* "CALL name(" at the start: the statement reduces to "call name". */
static int call_prefix(const char *s, size_t n, struct adv_buf *out)
{
	size_t i = 0;
	size_t run;
	size_t end;
	size_t paren = 0;
	size_t k;

	while (i < n && is_ws((unsigned char)s[i]))
		i++;
	if (!ieq(s + i, n - i, "call"))
		return 0;
	run = i + 4;
	if (run >= n || !is_ws((unsigned char)s[run]))
		return 0;
	while (run < n && is_ws((unsigned char)s[run]))
		run++;
	/* \S+ is greedy: the last '(' of the run with one character before */
	for (end = run; end < n && !is_ws((unsigned char)s[end]); end++)
		if (s[end] == '(' && end > run)
			paren = end;
	if (paren == 0)
		return 0;
	for (k = i; k < paren; k++)
		adv_buf_addch(out, (char)to_lower((unsigned char)s[k]));
	return 1;
}

/* "USE db" alone becomes "use ?" (a final newline is kept, as \Z does). */
static int use_statement(const char *s, size_t n, struct adv_buf *out)
{
	size_t i = 4;
	size_t end = n;

	if (!ieq(s, n, "use "))
		return 0;
	if (end > i && s[end - 1] == '\n')
		end--;
	if (end == i)
		return 0;
	for (; i < end; i++)
		if (is_ws((unsigned char)s[i]))
			return 0;
	adv_buf_addstr(out, "use ?");
	if (end < n)
		adv_buf_addch(out, '\n');
	return 1;
}

/* i at "values" (any case): the end of "values\s*\(" or 0. */
static size_t values_open(const char *s, size_t n, size_t i)
{
	if (!ieq(s + i, n - i, "values"))
		return 0;
	i += 6;
	while (i < n && is_ws((unsigned char)s[i]))
		i++;
	if (i < n && s[i] == '(')
		return i + 1;
	return 0;
}

/*
 * A multi-row INSERT/REPLACE ... INTO ... VALUES keeps its text up to the
 * end of the first row: everything from the ", (" on is dropped. Returns the
 * length to keep, or n when the statement is not one.
 */
static size_t shorten_insert(const char *s, size_t n)
{
	size_t i;
	size_t v;

	if (ieq(s, n, "insert"))
		i = 6;
	else if (ieq(s, n, "replace"))
		i = 7;
	else
		return n;
	if (ieq(s + i, n - i, " ignore"))
		i += 7;
	if (i >= n || !is_ws((unsigned char)s[i]))
		return n;
	while (i < n && is_ws((unsigned char)s[i]))
		i++;
	if (!ieq(s + i, n - i, "into"))
		return n;
	/* INTO.+?VALUES: at least one character in between */
	for (v = i + 5; v < n; v++) {
		size_t p = values_open(s, n, v);
		size_t c;

		if (p == 0)
			continue;
		for (c = p; c < n; c++) {
			size_t k = c + 1;

			if (s[c] != ')')
				continue;
			while (k < n && is_ws((unsigned char)s[k]))
				k++;
			if (k >= n || s[k] != ',')
				continue;
			k++;
			while (k < n && is_ws((unsigned char)s[k]))
				k++;
			if (k < n && s[k] == '(')
				return c + 1;
		}
	}
	return n;
}

/*
 * Drops C comments that do not start with '!' (the first "* /" closes
 * them, "/ * * /" swallows up to the next one), then "--" and "#" comments
 * that run to the end of the line without a quote character.
 */
static void strip_comments(const char *s, size_t n, struct adv_buf *d)
{
	size_t i = 0;

	while (i < n) {
		if (s[i] == '/' && i + 2 < n && s[i + 1] == '*' &&
		    s[i + 2] != '!') {
			size_t j = i + 3;

			while (j + 1 < n && !(s[j] == '*' && s[j + 1] == '/'))
				j++;
			if (j + 1 < n) {
				i = j + 2;
				continue;
			}
		}
		put(d, s[i]);
		i++;
	}
}

static void strip_line_comments(const char *s, size_t n, struct adv_buf *d)
{
	size_t i = 0;

	while (i < n) {
		size_t start = 0;

		if (s[i] == '#')
			start = i + 1;
		else if (s[i] == '-' && i + 1 < n && s[i + 1] == '-')
			start = i + 2;
		if (start != 0) {
			size_t j = start;

			while (j < n && s[j] != '\'' && s[j] != '"' &&
			       s[j] != '\r' && s[j] != '\n')
				j++;
			if (j == n || s[j] == '\r' || s[j] == '\n') {
				i = j;
				continue;
			}
		}
		put(d, s[i]);
		i++;
	}
}

/* Backslash-quote pairs vanish, so escaped quotes never end a string. */
static void drop_escaped_quotes(const char *s, size_t n, struct adv_buf *d)
{
	size_t i = 0;

	while (i < n) {
		if (s[i] == '\\' && i + 1 < n &&
		    (s[i + 1] == '\'' || s[i + 1] == '"')) {
			i += 2;
			continue;
		}
		put(d, s[i]);
		i++;
	}
}

static void strings(const char *s, size_t n, char quote, struct adv_buf *d)
{
	size_t i = 0;

	while (i < n) {
		if (s[i] == quote) {
			const char *close = memchr(s + i + 1, quote, n - i - 1);

			if (close != NULL) {
				put(d, '?');
				i = (size_t)(close - s) + 1;
				continue;
			}
		}
		put(d, s[i]);
		i++;
	}
}

static inline int number_start(unsigned char c)
{
	return (char_class[c] & C_NUM_START) != 0;
}

static inline int number_rest(unsigned char c)
{
	return (char_class[c] & C_NUM_REST) != 0;
}

static inline int prefix_char(unsigned char c)
{
	return (char_class[c] & C_PREFIX) != 0;
}

/* Whether the n bytes at s contain word (memmem is not POSIX). */
static int contains(const char *s, size_t n, const char *word)
{
	size_t w = strlen(word);
	const char *p = s;
	const char *end = s + n;

	while ((size_t)(end - p) >= w) {
		p = memchr(p, word[0], (size_t)(end - p) - w + 1);
		if (p == NULL)
			return 0;
		if (memcmp(p, word, w) == 0)
			return 1;
		p++;
	}
	return 0;
}

/*
 * NULL as a whole word becomes '?', in place, on the lower-cased text
 * where numbers are already '?': "5null" is "??", ".null" is ".?".
 * Returns the new length.
 */
static size_t nulls(char *s, size_t n)
{
	size_t r = 0;
	size_t w = 0;

	while (r < n) {
		if (s[r] == 'n' && r + 4 <= n &&
		    memcmp(s + r, "null", 4) == 0 &&
		    (r == 0 || !is_word((unsigned char)s[r - 1])) &&
		    (r + 4 == n || !is_word((unsigned char)s[r + 4]))) {
			s[w++] = '?';
			r += 4;
			continue;
		}
		s[w++] = s[r++];
	}
	return w;
}

/*
 * Several of pt-fingerprint's rewrites in one scan, since none of them can
 * create or hide what another one matches:
 *  - numbers (anything from [0-9+-] on, hex and "-"/"+" runs) become '?';
 *  - a prefix x b . + - right before a '?' (from a number, a string or
 *    the text) is absorbed into it (x'1F', b'1', .5): the test is on the
 *    character as written, before lower-casing, as pt does it;
 *  - a final ";\n" goes, runs of space, tab, newline, CR and form feed
 *    (not \v) become one space, letters are lower-cased and leading
 *    whitespace is dropped.
 * Then, on that output, NULL as a whole word becomes '?' (so "5null" is
 * "??"). The output is never longer than the input, so it is sized once.
 */
static void literals_lower(const char *s, size_t n, struct adv_buf *d)
{
	size_t i = 0;
	unsigned char prev = ' ';
	char *o;

	char *start;

	if (d->cap < d->len + n + 1)
		adv_buf_grow(d, n + 1);
	o = d->data + d->len;
	start = o;
	/*
	 * pt-fingerprint chomps with ";\n" as the line end: the record had
	 * none, but removing a comment or an escape can leave one at the end.
	 */
	if (n >= 2 && s[n - 2] == ';' && s[n - 1] == '\n')
		n -= 2;
	while (i < n && is_ws((unsigned char)s[i]))
		i++;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (is_collapsed(c)) {
			while (i < n && is_collapsed((unsigned char)s[i]))
				i++;
			*o++ = ' ';
			prev = ' ';
			continue;
		}
		if (c == '?') {
			i++;
		} else if (number_start(c)) {
			i++;
			while (i < n && number_rest((unsigned char)s[i]))
				i++;
		} else {
			*o++ = (char)to_lower(c);
			prev = c;
			i++;
			continue;
		}
		/* a '?': prev is what was written last, when it is a prefix */
		if (prefix_char(prev))
			o[-1] = '?';
		else
			*o++ = '?';
		prev = '?';
	}
	d->len = (size_t)(o - d->data);
	if (contains(start, d->len - (size_t)(start - d->data), "null"))
		d->len = (size_t)(start - d->data) +
			 nulls(start, d->len - (size_t)(start - d->data));
}

/* From p, one "[\s,]*\([\s?,]*\)" group: its end, or 0. */
static size_t placeholder_group(const char *s, size_t n, size_t p)
{
	while (p < n && (is_ws((unsigned char)s[p]) || s[p] == ','))
		p++;
	if (p >= n || s[p] != '(')
		return 0;
	p++;
	while (p < n &&
	       (is_ws((unsigned char)s[p]) || s[p] == '?' || s[p] == ','))
		p++;
	if (p >= n || s[p] != ')')
		return 0;
	return p + 1;
}

/* in (?, ?), values (?,?),(?,?) and value (?) lists become "(?+)". */
static void lists(const char *s, size_t n, struct adv_buf *d)
{
	size_t i = 0;

	while (i < n) {
		size_t kw = 0;

		if (boundary_before(s, i)) {
			/* Perl tries "in" first, then "values?" */
			if (has_prefix(s + i, n - i, "in"))
				kw = 2;
			else if (has_prefix(s + i, n - i, "values"))
				kw = 6;
			else if (has_prefix(s + i, n - i, "value"))
				kw = 5;
		}
		if (kw == 6 && placeholder_group(s, n, i + 6) == 0)
			kw = 5; /* "values?" backtracks to "value" */
		if (kw != 0) {
			size_t end = placeholder_group(s, n, i + kw);

			if (end != 0) {
				size_t more;

				while ((more = placeholder_group(s, n, end)) !=
				       0)
					end = more;
				adv_buf_add(d, s + i, kw);
				adv_buf_addstr(d, "(?+)");
				i = end;
				continue;
			}
		}
		put(d, s[i]);
		i++;
	}
}

/*
 * After a body at b (length len), whitespace "union", optionally
 * whitespace "all", whitespace and the same body: its end, or 0. *sep and
 * *seplen get the separator ("union" or "union all" with the whitespace
 * before them, as written).
 */
static size_t union_repeat(const char *s, size_t n, size_t b, size_t len,
			   size_t p, size_t *sep, size_t *seplen)
{
	size_t u = p;

	if (p + 6 > n || !is_ws((unsigned char)s[p]) ||
	    memcmp(s + p + 1, "union", 5) != 0)
		return 0;
	p += 6;
	if (p + 5 + len <= n && is_ws((unsigned char)s[p]) &&
	    memcmp(s + p + 1, "all", 3) == 0 &&
	    is_ws((unsigned char)s[p + 4]) &&
	    memcmp(s + p + 5, s + b, len) == 0) {
		*sep = u;
		*seplen = 10;
		return p + 5 + len;
	}
	if (p + 1 + len <= n && is_ws((unsigned char)s[p]) &&
	    memcmp(s + p + 1, s + b, len) == 0) {
		*sep = u;
		*seplen = 6;
		return p + 1 + len;
	}
	return 0;
}

/* Tries the union rewrite at *i: on success appends it and moves *i. */
static int union_at(const char *s, size_t n, size_t *i, struct adv_buf *d)
{
	size_t len;

	for (len = 7; *i + len <= n; len++) {
		size_t sep = 0;
		size_t seplen = 0;
		size_t end =
			union_repeat(s, n, *i, len, *i + len, &sep, &seplen);
		size_t more;

		if (end == 0)
			continue;
		while ((more = union_repeat(s, n, *i, len, end, &sep,
					    &seplen)) != 0)
			end = more;
		adv_buf_add(d, s + *i, len);
		adv_buf_addstr(d, " /*repeat");
		adv_buf_add(d, s + sep, seplen);
		adv_buf_addstr(d, "*/");
		*i = end;
		return 1;
	}
	return 0;
}

/*
 * "select X union [all] select X ..." becomes "select X /\*repeat
 * union[ all]*\/": X is the shortest text after "select " that repeats.
 */
static void unions(const char *s, size_t n, struct adv_buf *d)
{
	size_t i = 0;

	while (i < n) {
		if (boundary_before(s, i) &&
		    has_prefix(s + i, n - i, "select") && i + 6 < n &&
		    is_ws((unsigned char)s[i + 6]) && union_at(s, n, &i, d))
			continue;
		put(d, s[i]);
		i++;
	}
}

/* "limit ?", "limit ?, ?", "limit ?,?" and "limit ? offset ?". */
static void limits(const char *s, size_t n, struct adv_buf *d)
{
	size_t i = 0;

	while (i < n) {
		if (boundary_before(s, i) &&
		    has_prefix(s + i, n - i, "limit ?")) {
			size_t p = i + 7;

			if (has_prefix(s + p, n - p, ", ?"))
				p += 3;
			else if (has_prefix(s + p, n - p, ",?"))
				p += 2;
			else if (has_prefix(s + p, n - p, " offset ?"))
				p += 9;
			adv_buf_addstr(d, "limit ?");
			/* only the first one */
			adv_buf_add(d, s + p, n - p);
			return;
		}
		put(d, s[i]);
		i++;
	}
}

/*
 * From the first "order by ", a chain of "X asc" pieces (X at least one
 * character, then whitespace and "asc", even in "ascending") each loses
 * its whitespace and "asc"; the chain stops at the first piece without
 * one, so "a asc asc" keeps its second "asc".
 */
static void order_asc(const char *s, size_t n, struct adv_buf *d)
{
	size_t i;
	size_t p = n;

	for (i = 0; i + 9 <= n; i++)
		if (s[i] == 'o' && boundary_before(s, i) &&
		    memcmp(s + i, "order by ", 9) == 0) {
			p = i + 9;
			break;
		}
	adv_buf_add(d, s, p < n ? p : n);
	while (p < n) {
		size_t k;
		size_t r = 0;

		for (k = p + 1; k < n; k++) {
			if (!is_ws((unsigned char)s[k]))
				continue;
			r = k;
			while (r < n && is_ws((unsigned char)s[r]))
				r++;
			if (r + 3 <= n && memcmp(s + r, "asc", 3) == 0)
				break;
			k = r - 1;
		}
		if (k >= n)
			break;
		adv_buf_add(d, s + p, k - p);
		p = r + 3;
	}
	if (p < n)
		adv_buf_add(d, s + p, n - p);
}

static int has_block_comment(const char *s, size_t n)
{
	return contains(s, n, "/*");
}

static int has_line_comment(const char *s, size_t n)
{
	return memchr(s, '#', n) != NULL || contains(s, n, "--");
}

static int has_backslash(const char *s, size_t n)
{
	return memchr(s, '\\', n) != NULL;
}

static int has_double_quote(const char *s, size_t n)
{
	return memchr(s, '"', n) != NULL;
}

static int has_single_quote(const char *s, size_t n)
{
	return memchr(s, '\'', n) != NULL;
}

static int always(const char *s, size_t n)
{
	(void)s;
	(void)n;
	return 1;
}

/* Every list rewrite ends at a ')' after a '('. */
static int has_paren(const char *s, size_t n)
{
	return memchr(s, '(', n) != NULL;
}

static int has_union(const char *s, size_t n)
{
	return contains(s, n, "union");
}

static int has_limit(const char *s, size_t n)
{
	return contains(s, n, "limit ?");
}

static int has_order_by(const char *s, size_t n)
{
	return contains(s, n, "order by ");
}

typedef void (*fp_pass)(const char *s, size_t n, struct adv_buf *d);

static void drop_double(const char *s, size_t n, struct adv_buf *d)
{
	strings(s, n, '"', d);
}

static void drop_single(const char *s, size_t n, struct adv_buf *d)
{
	strings(s, n, '\'', d);
}

/*
 * Each pass with what its input needs for it to change anything: most
 * statements have no comment, escape, union, LIMIT or ORDER BY, and a
 * memchr over the text is much cheaper than copying it byte by byte.
 */
static const struct {
	int (*applies)(const char *s, size_t n);
	fp_pass run;
} percona_passes[] = {
	{has_block_comment, strip_comments},
	{has_line_comment, strip_line_comments},
	{has_backslash, drop_escaped_quotes},
	{has_double_quote, drop_double},
	{has_single_quote, drop_single},
	{always, literals_lower},
	{has_paren, lists},
	{has_union, unions},
	{has_limit, limits},
	{has_order_by, order_asc},
};

/*
 * Scratch buffers kept between calls (one pair per thread), so that a
 * stream of statements costs no allocation once they have grown; one that
 * grew past this for a huge statement is given back.
 */
#define SCRATCH_KEEP ((size_t)1024 * 1024)
static _Thread_local struct adv_buf scratch[3];

/* The index of the first pass after the comments are stripped. */
#define USE_AFTER_PASS 2

/* A '#' at the start of a line after the first, with something after it. */
static int has_hash_line(const char *s, size_t n)
{
	const char *p = s;
	const char *end = s + n;

	while ((p = memchr(p, '#', (size_t)(end - p))) != NULL) {
		if (p > s && p[-1] == '\n' && p + 1 < end && p[1] != '\n')
			return 1;
		p++;
	}
	return 0;
}

/* Those lines lose everything but their newline. */
static void drop_hash_lines(const char *s, size_t n, struct adv_buf *d)
{
	size_t i = 0;

	while (i < n) {
		if (s[i] == '#' && i > 0 && s[i - 1] == '\n' && i + 1 < n &&
		    s[i + 1] != '\n') {
			while (i < n && s[i] != '\n')
				i++;
			continue;
		}
		put(d, s[i]);
		i++;
	}
}

void adv_fp_thread_release(void)
{
	size_t i;

	for (i = 0; i < 3; i++) {
		adv_buf_release(&scratch[i]);
		memset(&scratch[i], 0, sizeof(scratch[i]));
	}
}

void adv_fp_percona(const char *sql, size_t len, struct adv_buf *out)
{
	const char *cur;
	size_t n;
	int next = 0;
	size_t i;

	if (scratch[0].data == NULL) {
		adv_buf_init(&scratch[0]);
		adv_buf_init(&scratch[1]);
		adv_buf_init(&scratch[2]);
	}
	/* pt-fingerprint drops the lines that start with '#' first */
	if (has_hash_line(sql, len)) {
		adv_buf_reset(&scratch[2]);
		drop_hash_lines(sql, len, &scratch[2]);
		sql = scratch[2].data;
		len = scratch[2].len;
	}
	cur = sql;

	if (has_prefix(sql, len, "SELECT /*!40001 SQL_NO_CACHE */ * FROM `")) {
		adv_buf_addstr(out, "mysqldump");
		return;
	}
	if (has_checksum_tag(sql, len)) {
		adv_buf_addstr(out, "percona-toolkit");
		return;
	}
	if (has_prefix(sql, len, "administrator command: ")) {
		adv_buf_add(out, sql, len);
		return;
	}
	if (call_prefix(sql, len, out))
		return;

	/* the first pass that runs reads the caller's text in place */
	n = shorten_insert(sql, len);
	for (i = 0; i < sizeof(percona_passes) / sizeof(percona_passes[0]);
	     i++) {
		struct adv_buf *dst = &scratch[next];

		/* USE is recognized once the comments are gone */
		if (i == USE_AFTER_PASS && use_statement(cur, n, out))
			return;
		if (!percona_passes[i].applies(cur, n))
			continue;
		adv_buf_reset(dst);
		percona_passes[i].run(cur, n, dst);
		cur = dst->data;
		n = dst->len;
		next = !next;
	}
	adv_buf_add(out, cur, n);
	for (i = 0; i < 3; i++)
		if (scratch[i].cap > SCRATCH_KEEP) {
			adv_buf_release(&scratch[i]);
			adv_buf_init(&scratch[i]);
		}
}

static enum adv_status postgres(const char *sql, size_t len,
				struct adv_buf *normalized, char hex[17],
				struct adv_error *err)
{
	char *text = adv_xmalloc(len + 1);
	char *norm = NULL;
	enum adv_status st;

	memcpy(text, sql, len);
	text[len] = '\0';
	st = adv_sql_fingerprint(text, hex, err);
	if (st != ADV_OK)
		goto cleanup;
	st = adv_sql_normalize(text, &norm, err);
	if (st != ADV_OK) {
		hex[0] = '\0';
		goto cleanup;
	}
	adv_buf_addstr(normalized, norm);
cleanup:
	free(norm);
	free(text);
	return st;
}

enum adv_status adv_fingerprint(const char *sql, size_t len,
				enum adv_fp_convention conv,
				struct adv_buf *normalized, char hex[17],
				struct adv_error *err)
{
	size_t start = normalized->len;
	uint64_t h;

	hex[0] = '\0';
	if (conv == ADV_FP_POSTGRES)
		return postgres(sql, len, normalized, hex, err);
	adv_fp_percona(sql, len, normalized);
	h = adv_fnv1a(ADV_FNV_OFFSET, normalized->data + start,
		      normalized->len - start);
	{
		static const char digits[] = "0123456789abcdef";
		int i;

		/* by hand: printf's machinery costs more than the hash */
		for (i = 15; i >= 0; i--) {
			hex[i] = digits[h & 15];
			h >>= 4;
		}
		hex[16] = '\0';
	}
	return ADV_OK;
}

int adv_fp_convention_parse(const char *name)
{
	if (strcmp(name, "percona") == 0)
		return ADV_FP_PERCONA;
	if (strcmp(name, "postgres") == 0)
		return ADV_FP_POSTGRES;
	return -1;
}

const char *adv_fp_convention_name(enum adv_fp_convention conv)
{
	return conv == ADV_FP_POSTGRES ? "postgres" : "percona";
}

int adv_fp_next_record(const char *text, size_t len, size_t *pos, size_t *start,
		       size_t *rlen)
{
	size_t b = *pos;
	size_t end = len;
	size_t i;

	if (b >= len)
		return 0;
	i = b;
	while (i + 1 < len) {
		const char *semi = memchr(text + i, ';', len - 1 - i);

		if (semi == NULL)
			break;
		i = (size_t)(semi - text);
		if (text[i + 1] == '\n') {
			end = i;
			break;
		}
		i++;
	}
	*pos = end == len ? len : end + 2;
	/*
	 * Lines that start with '#' and have more on them go, then the
	 * leading whitespace: the record starts after both.
	 */
	i = b;
	while (i < end) {
		if (text[i] == '#' && (i == b || text[i - 1] == '\n') &&
		    i + 1 < end && text[i + 1] != '\n') {
			while (i < end && text[i] != '\n')
				i++;
			continue;
		}
		if (!is_ws((unsigned char)text[i]))
			break;
		i++;
	}
	*start = i;
	*rlen = end - i;
	return 1;
}

int adv_fp_record_skipped(const char *text, size_t start, size_t rlen,
			  const struct adv_buf *normalized)
{
	(void)normalized;
	/* pt-fingerprint prints only what starts with a word character */
	return rlen == 0 || !is_word((unsigned char)text[start]);
}
