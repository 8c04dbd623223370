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

#include "bytescan.h"
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
#define C_NUM_REST  0x20u /* digit, a-f, ., x, b, + or - */
#define C_PREFIX    0x40u /* x, b, ., + or - */

static const unsigned char char_class[256] = {
	['\t'] = C_WS | C_COLLAPSED,
	['\n'] = C_WS | C_COLLAPSED,
	['\v'] = C_WS,
	['\f'] = C_WS | C_COLLAPSED,
	['\r'] = C_WS | C_COLLAPSED,
	[' '] = C_WS | C_COLLAPSED,
	['+'] = C_NUM_REST | C_PREFIX,
	['-'] = C_NUM_REST | C_PREFIX,
	['.'] = C_NUM_REST | C_PREFIX,
	['0'] = C_WORD | C_DIGIT | C_NUM_REST,
	['1'] = C_WORD | C_DIGIT | C_NUM_REST,
	['2'] = C_WORD | C_DIGIT | C_NUM_REST,
	['3'] = C_WORD | C_DIGIT | C_NUM_REST,
	['4'] = C_WORD | C_DIGIT | C_NUM_REST,
	['5'] = C_WORD | C_DIGIT | C_NUM_REST,
	['6'] = C_WORD | C_DIGIT | C_NUM_REST,
	['7'] = C_WORD | C_DIGIT | C_NUM_REST,
	['8'] = C_WORD | C_DIGIT | C_NUM_REST,
	['9'] = C_WORD | C_DIGIT | C_NUM_REST,
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

/*
 * Case-insensitive comparison of the first wlen bytes of s with the
 * lower-case word; IEQ passes a literal's length so nothing calls strlen.
 */
static inline int ieq_n(const char *s, size_t avail, const char *word,
			size_t wlen)
{
	size_t i;

	if (avail < wlen)
		return 0;
	for (i = 0; i < wlen; i++)
		if (to_lower((unsigned char)s[i]) != (unsigned char)word[i])
			return 0;
	return 1;
}

#define IEQ(s, avail, word) ieq_n((s), (avail), (word), sizeof(word) - 1)

static inline int has_prefix_n(const char *s, size_t n, const char *prefix,
			       size_t p)
{
	return n >= p && s[0] == prefix[0] && memcmp(s, prefix, p) == 0;
}

#define HAS_PREFIX(s, n, lit) has_prefix_n((s), (n), (lit), sizeof(lit) - 1)

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
		size_t j;
		size_t k;

		/* few statements have a comment: find it, do not step to it */
		i += adv_scan_pair(s + i, n - i, '/', '*');
		if (i + 1 >= n)
			return 0;
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
	if (!IEQ(s + i, n - i, "call"))
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

	if (!IEQ(s, n, "use "))
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
	if (!IEQ(s + i, n - i, "values"))
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

	if (IEQ(s, n, "insert"))
		i = 6;
	else if (IEQ(s, n, "replace"))
		i = 7;
	else
		return n;
	if (IEQ(s + i, n - i, " ignore"))
		i += 7;
	if (i >= n || !is_ws((unsigned char)s[i]))
		return n;
	while (i < n && is_ws((unsigned char)s[i]))
		i++;
	if (!IEQ(s + i, n - i, "into"))
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

/* Quoted strings (with their closing quote) become '?', spans copied. */
static void strings(const char *s, size_t n, char quote, struct adv_buf *d)
{
	size_t i = 0;

	adv_buf_grow(d, n + 1);
	while (i < n) {
		size_t at = i + adv_scan_byte(s + i, n - i, quote);
		size_t close;

		if (at == n)
			break;
		close = at + 1 + adv_scan_byte(s + at + 1, n - at - 1, quote);
		if (close == n)
			break;
		memcpy(d->data + d->len, s + i, at - i);
		d->len += at - i;
		d->data[d->len++] = '?';
		i = close + 1;
	}
	memcpy(d->data + d->len, s + i, n - i);
	d->len += n - i;
}

static inline int number_rest(unsigned char c)
{
	return (char_class[c] & C_NUM_REST) != 0;
}

static inline int prefix_char(unsigned char c)
{
	return (char_class[c] & C_PREFIX) != 0;
}

/* Where the w bytes of word (w >= 2) first occur in the n at s, or n. */
static size_t find_word(const char *s, size_t n, const char *word, size_t w)
{
	size_t from = 0;

	while (from + w <= n) {
		size_t at = from +
			    adv_scan_pair(s + from, n - from, word[0], word[1]);

		if (at + w > n)
			return n;
		if (memcmp(s + at + 2, word + 2, w - 2) == 0)
			return at;
		from = at + 1;
	}
	return n;
}

#define FIND(s, n, lit)	    find_word((s), (n), (lit), sizeof(lit) - 1)
#define contains(s, n, lit) (FIND((s), (n), (lit)) < (n))

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
 * What literals_lower does with each byte: most bytes are copied
 * lower-cased (L_COPY), and the copy loop asks one table per byte.
 */
enum {
	L_COPY = 0,
	L_SPACE, /* a run of collapsed whitespace becomes one space */
	L_MARK,	 /* a '?' as written */
	L_NUMBER,
	L_QUOTE, /* a single-quoted string, when it is closed */
};

static const unsigned char literal_action[256] = {
	['\t'] = L_SPACE, ['\n'] = L_SPACE, ['\f'] = L_SPACE, ['\r'] = L_SPACE,
	[' '] = L_SPACE,  ['?'] = L_MARK,   ['+'] = L_NUMBER, ['-'] = L_NUMBER,
	['0'] = L_NUMBER, ['1'] = L_NUMBER, ['2'] = L_NUMBER, ['3'] = L_NUMBER,
	['4'] = L_NUMBER, ['5'] = L_NUMBER, ['6'] = L_NUMBER, ['7'] = L_NUMBER,
	['8'] = L_NUMBER, ['9'] = L_NUMBER, ['\''] = L_QUOTE,
};

#ifdef ADV_SCAN_SSE2
/* \t \n \f \r: the whitespace the collapse squeezes, but for the space. */
static inline __m128i collapsed_controls(__m128i v)
{
	return _mm_andnot_si128(
		_mm_cmpeq_epi8(v, _mm_set1_epi8('\v')),
		_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('\t' - 1)),
			      _mm_cmplt_epi8(v, _mm_set1_epi8('\r' + 1))));
}

/*
 * The sixteen bytes at s lower-cased into o, and the mask of those that
 * literals_lower must see itself: a collapsed control character, a space
 * before more whitespace (a lone space is copied as it is), '?', a digit,
 * '+', '-' and '\''. Reads s[16].
 */
static inline unsigned lower16(const char *s, char *o)
{
	const __m128i v = adv_scan_load(s);
	const __m128i next = adv_scan_load(s + 1);
	const __m128i upper =
		_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
			      _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
	const __m128i digit =
		_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
			      _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
	const __m128i space = _mm_cmpeq_epi8(v, _mm_set1_epi8(' '));
	const __m128i more =
		_mm_or_si128(collapsed_controls(next),
			     _mm_cmpeq_epi8(next, _mm_set1_epi8(' ')));
	__m128i special =
		_mm_or_si128(collapsed_controls(v), _mm_and_si128(space, more));

	special = _mm_or_si128(special, digit);
	special = _mm_or_si128(special, _mm_cmpeq_epi8(v, _mm_set1_epi8('?')));
	special = _mm_or_si128(special, _mm_cmpeq_epi8(v, _mm_set1_epi8('+')));
	special = _mm_or_si128(special, _mm_cmpeq_epi8(v, _mm_set1_epi8('-')));
	special = _mm_or_si128(special, _mm_cmpeq_epi8(v, _mm_set1_epi8('\'')));
	_mm_storeu_si128(
		(__m128i *)(void *)o,
		_mm_add_epi8(v, _mm_and_si128(upper, _mm_set1_epi8(32))));
	return adv_scan_mask(special);
}
#endif

/*
 * Several of pt-fingerprint's rewrites in one scan, since none of them can
 * create or hide what another one matches:
 *  - single-quoted strings become '?' (double-quoted ones are gone
 *    already, and with them the single quotes inside them);
 *  - numbers (anything from [0-9+-] on, hex and "-"/"+" runs) become '?';
 *  - a prefix x b . + - right before a '?' (from a number, a string or
 *    the text) is absorbed into it (x'1F', b'1', .5): the test is on the
 *    character as written, before lower-casing, as pt does it;
 *  - a final ";\n" goes, runs of space, tab, newline, CR and form feed
 *    (not \v) become one space, letters are lower-cased and leading
 *    whitespace is dropped.
 * The output is never longer than the input, so it is sized once (the
 * sixteen-byte stores stay inside it too).
 */
static void literals_lower(const char *s, size_t n, struct adv_buf *d)
{
	size_t i = 0;
	int closed = 1; /* whether a quote may still have a closing one */
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
		unsigned char c;
		size_t at;

#ifdef ADV_SCAN_SSE2
		/* runs of bytes copied lower-cased, sixteen at a time */
		if (i + 17 <= n) {
			unsigned m = lower16(s + i, o);
			size_t k;

			if (m == 0) {
				i += 16;
				o += 16;
				continue;
			}
			k = (size_t)__builtin_ctz(m);
			i += k;
			o += k;
		}
#endif
		c = (unsigned char)s[i];
		at = i;
		switch (literal_action[c]) {
		case L_COPY:
			*o++ = (char)to_lower(c);
			i++;
			continue;
		case L_SPACE:
			while (i < n && is_collapsed((unsigned char)s[i]))
				i++;
			*o++ = ' ';
			continue;
		case L_MARK:
			i++;
			break;
		case L_NUMBER:
			i++;
			while (i < n && number_rest((unsigned char)s[i]))
				i++;
			break;
		default: { /* L_QUOTE */
			const char *close =
				closed ? memchr(s + i + 1, '\'', n - i - 1)
				       : NULL;

			if (close == NULL) {
				closed = 0;
				*o++ = '\'';
				i++;
				continue;
			}
			i = (size_t)(close - s) + 1;
			break;
		}
		}
		/*
		 * A '?': what was written last is a prefix when it was a copy
		 * (not a '?' or a space) of a prefix character as written.
		 */
		if (o > start && o[-1] != '?' &&
		    prefix_char((unsigned char)s[at - 1]))
			o[-1] = '?';
		else
			*o++ = '?';
	}
	d->len = (size_t)(o - d->data);
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

/*
 * The keyword that a list group opening at '(' (after [\s,]* back to e)
 * may follow: its length, with *kw_at where it starts, or 0. Perl tries
 * "in" first, then "values?"; "values" that fails backtracks to "value",
 * whose group would start at the 's' and fail too.
 */
static size_t list_keyword(const char *s, size_t lo, size_t e, size_t *kw_at)
{
	size_t kw = 0;

	if (e >= lo + 2 && s[e - 2] == 'i' && s[e - 1] == 'n')
		kw = 2;
	else if (e >= lo + 6 && memcmp(s + e - 6, "values", 6) == 0)
		kw = 6;
	else if (e >= lo + 5 && memcmp(s + e - 5, "value", 5) == 0)
		kw = 5;
	if (kw == 0 || !boundary_before(s, e - kw))
		return 0;
	*kw_at = e - kw;
	return kw;
}

/*
 * in (?, ?), values (?,?),(?,?) and value (?) lists become "(?+)". Every
 * group opens with a '(', so the scan goes from one '(' to the next and
 * looks back for the keyword; the text in between is copied as it is.
 */
static void lists(const char *s, size_t n, struct adv_buf *d)
{
	size_t copied = 0;
	size_t from = 0;
	size_t at;

	while (from < n &&
	       (at = from + adv_scan_byte(s + from, n - from, '(')) < n) {
		size_t e = at;
		size_t kw_at = 0;
		size_t kw;
		size_t end;
		size_t more;

		from = at + 1;
		while (e > copied &&
		       (is_ws((unsigned char)s[e - 1]) || s[e - 1] == ','))
			e--;
		kw = list_keyword(s, copied, e, &kw_at);
		if (kw == 0 || (end = placeholder_group(s, n, e)) == 0)
			continue;
		while ((more = placeholder_group(s, n, end)) != 0)
			end = more;
		adv_buf_add(d, s + copied, kw_at + kw - copied);
		adv_buf_add(d, "(?+)", 4);
		copied = end;
		from = end;
	}
	adv_buf_add(d, s + copied, n - copied);
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
		    HAS_PREFIX(s + i, n - i, "select") && i + 6 < n &&
		    is_ws((unsigned char)s[i + 6]) && union_at(s, n, &i, d))
			continue;
		put(d, s[i]);
		i++;
	}
}

/* "limit ?", "limit ?, ?", "limit ?,?" and "limit ? offset ?". */
static void limits(const char *s, size_t n, struct adv_buf *d)
{
	size_t i = FIND(s, n, "limit ?");

	/* nothing before the first "limit ?" can match */
	adv_buf_add(d, s, i);

	while (i < n) {
		if (boundary_before(s, i) &&
		    HAS_PREFIX(s + i, n - i, "limit ?")) {
			size_t p = i + 7;

			if (HAS_PREFIX(s + p, n - p, ", ?"))
				p += 3;
			else if (HAS_PREFIX(s + p, n - p, ",?"))
				p += 2;
			else if (HAS_PREFIX(s + p, n - p, " offset ?"))
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

	for (i = FIND(s, n, "order by "); i < n;
	     i += 1 + FIND(s + i + 1, n - i - 1, "order by "))
		if (boundary_before(s, i)) {
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

/*
 * Which passes can change a text, from one scan of it: the bits of
 * raw_hints() are exact for the text they were taken on; those of
 * lowered_hints() only say that a pass may apply (a pair of bytes of its
 * word is there), and the pass itself looks for the word. Passes only
 * delete or rewrite to '?', so a hint taken earlier can go stale only
 * towards "may apply", except where noted at the call.
 */
#define H_BLOCK_COMMENT 0x01u /* slash star */
#define H_DASHES	0x02u /* -- */
#define H_HASH		0x04u
#define H_BACKSLASH	0x08u
#define H_DQUOTE	0x10u
#define H_PAREN		0x20u
#define H_NULL		0x40u  /* "ll" */
#define H_UNION		0x80u  /* "ni" */
#define H_LIMIT		0x100u /* "t ?" */
#define H_ORDER		0x200u /* "by" */

static unsigned raw_hints_at(const char *s, size_t i, size_t n)
{
	unsigned h = 0;

	for (; i < n; i++) {
		char next = i + 1 < n ? s[i + 1] : '\0';

		switch (s[i]) {
		case '/':
			h |= next == '*' ? H_BLOCK_COMMENT : 0;
			break;
		case '-':
			h |= next == '-' ? H_DASHES : 0;
			break;
		case '#':
			h |= H_HASH;
			break;
		case '\\':
			h |= H_BACKSLASH;
			break;
		case '"':
			h |= H_DQUOTE;
			break;
		default:
			break;
		}
	}
	return h;
}

#ifdef ADV_SCAN_SSE2
/* The raw hints of the sixteen positions at s (reads s[16]). */
static inline unsigned raw_block(const char *s)
{
	const __m128i v = adv_scan_load(s);
	const __m128i next = adv_scan_load(s + 1);
	const __m128i slash = _mm_cmpeq_epi8(v, _mm_set1_epi8('/'));
	const __m128i dash = _mm_cmpeq_epi8(v, _mm_set1_epi8('-'));
	const __m128i hash = _mm_cmpeq_epi8(v, _mm_set1_epi8('#'));
	const __m128i bslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
	const __m128i dquote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
	unsigned h = 0;

	if (adv_scan_mask(_mm_or_si128(
		    _mm_or_si128(slash, dash),
		    _mm_or_si128(hash, _mm_or_si128(bslash, dquote)))) == 0)
		return 0;
	if (adv_scan_mask(_mm_and_si128(
		    slash, _mm_cmpeq_epi8(next, _mm_set1_epi8('*')))) != 0)
		h |= H_BLOCK_COMMENT;
	if (adv_scan_mask(_mm_and_si128(
		    dash, _mm_cmpeq_epi8(next, _mm_set1_epi8('-')))) != 0)
		h |= H_DASHES;
	if (adv_scan_mask(hash) != 0)
		h |= H_HASH;
	if (adv_scan_mask(bslash) != 0)
		h |= H_BACKSLASH;
	if (adv_scan_mask(dquote) != 0)
		h |= H_DQUOTE;
	return h;
}
#else
static unsigned raw_block(const char *s)
{
	return raw_hints_at(s, 0, 17);
}
#endif

static unsigned lowered_hints_at(const char *s, size_t i, size_t n)
{
	unsigned h = 0;

	for (; i < n; i++) {
		char next = i + 1 < n ? s[i + 1] : '\0';

		if (s[i] == '(')
			h |= H_PAREN;
		else if (s[i] == 'l' && next == 'l')
			h |= H_NULL;
		else if (s[i] == 'n' && next == 'i')
			h |= H_UNION;
		else if (s[i] == 't' && next == ' ' && i + 2 < n &&
			 s[i + 2] == '?')
			h |= H_LIMIT;
		else if (s[i] == 'b' && next == 'y')
			h |= H_ORDER;
	}
	return h;
}

#ifdef ADV_SCAN_SSE2
static inline __m128i pair16(__m128i v, __m128i next, char a, char b)
{
	return _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(a)),
			     _mm_cmpeq_epi8(next, _mm_set1_epi8(b)));
}

/* The lowered hints of the sixteen positions at s (reads s[16], s[17]). */
static inline unsigned lowered_block(const char *s)
{
	const __m128i v = adv_scan_load(s);
	const __m128i next = adv_scan_load(s + 1);
	const __m128i after = adv_scan_load(s + 2);
	unsigned h = 0;

	if (adv_scan_mask(_mm_cmpeq_epi8(v, _mm_set1_epi8('('))) != 0)
		h |= H_PAREN;
	if (adv_scan_mask(pair16(v, next, 'l', 'l')) != 0)
		h |= H_NULL;
	if (adv_scan_mask(pair16(v, next, 'n', 'i')) != 0)
		h |= H_UNION;
	if (adv_scan_mask(_mm_and_si128(
		    pair16(v, next, 't', ' '),
		    _mm_cmpeq_epi8(after, _mm_set1_epi8('?')))) != 0)
		h |= H_LIMIT;
	if (adv_scan_mask(pair16(v, next, 'b', 'y')) != 0)
		h |= H_ORDER;
	return h;
}
#else
static unsigned lowered_block(const char *s)
{
	return lowered_hints_at(s, 0, 18);
}
#endif

/*
 * The hints of the n bytes at s: sixteen positions at a time by block,
 * which reads reach bytes from its first position (17 or 18), then the
 * last positions it can see as one more block overlapping the one before,
 * and the few next to the end (where a block would read past it) by the
 * byte loop at. Without SSE2 a block is the byte loop over its reach: a
 * hint only says what the text holds, so positions seen twice or past
 * the sixteen do no harm.
 */
static inline unsigned scan_hints(const char *s, size_t n, size_t reach,
				  unsigned (*block)(const char *s),
				  unsigned (*at)(const char *s, size_t i,
						 size_t n))
{
	unsigned h = 0;
	size_t i = 0;
	size_t edge = reach - 16; /* positions a block cannot end on */

	for (; i + reach <= n; i += 16)
		h |= block(s + i);
	if (n >= reach && i + edge < n) {
		h |= block(s + n - reach);
		i = n - edge;
	}
	return h | at(s, i, n);
}

static unsigned raw_hints(const char *s, size_t n)
{
	return scan_hints(s, n, 17, raw_block, raw_hints_at);
}

static unsigned lowered_hints(const char *s, size_t n)
{
	return scan_hints(s, n, 18, lowered_block, lowered_hints_at);
}

typedef void (*fp_pass)(const char *s, size_t n, struct adv_buf *d);

static void drop_double(const char *s, size_t n, struct adv_buf *d)
{
	strings(s, n, '"', d);
}

/*
 * Scratch buffers kept between calls (one pair per thread), so that a
 * stream of statements costs no allocation once they have grown; one that
 * grew past this for a huge statement is given back.
 */
#define SCRATCH_KEEP ((size_t)1024 * 1024)
static _Thread_local struct adv_buf scratch[3];

/* A '#' at the start of a line after the first, with something after it. */
static int has_hash_line(const char *s, size_t n)
{
	size_t i = 0;

	while ((i += adv_scan_byte(s + i, n - i, '#')) < n) {
		if (i > 0 && s[i - 1] == '\n' && i + 1 < n && s[i + 1] != '\n')
			return 1;
		i++;
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

/* The text a normalization is at, and the scratch buffer it writes next. */
struct fp_text {
	const char *data;
	size_t len;
	int next;
};

static void run_pass(struct fp_text *t, fp_pass pass)
{
	struct adv_buf *dst = &scratch[t->next];

	adv_buf_reset(dst);
	pass(t->data, t->len, dst);
	t->data = dst->data;
	t->len = dst->len;
	t->next = !t->next;
}

void adv_fp_percona(const char *sql, size_t len, struct adv_buf *out)
{
	struct fp_text t;
	unsigned h;
	size_t i;

	if (scratch[0].data == NULL) {
		adv_buf_init(&scratch[0]);
		adv_buf_init(&scratch[1]);
		adv_buf_init(&scratch[2]);
	}
	h = raw_hints(sql, len);
	/* pt-fingerprint drops the lines that start with '#' first */
	if ((h & H_HASH) && has_hash_line(sql, len)) {
		adv_buf_reset(&scratch[2]);
		drop_hash_lines(sql, len, &scratch[2]);
		sql = scratch[2].data;
		len = scratch[2].len;
		h = raw_hints(sql, len);
	}

	if (HAS_PREFIX(sql, len, "SELECT /*!40001 SQL_NO_CACHE */ * FROM `")) {
		adv_buf_addstr(out, "mysqldump");
		return;
	}
	if ((h & H_BLOCK_COMMENT) && has_checksum_tag(sql, len)) {
		adv_buf_addstr(out, "percona-toolkit");
		return;
	}
	if (HAS_PREFIX(sql, len, "administrator command: ")) {
		adv_buf_add(out, sql, len);
		return;
	}
	if (call_prefix(sql, len, out))
		return;

	/*
	 * The first pass that runs reads the caller's text in place: the
	 * passes before literals_lower never write to their input.
	 */
	t.data = sql;
	t.len = shorten_insert(sql, len);
	t.next = 0;
	/* the hints of the whole text hold for a prefix: "may apply" */
	if (h & H_BLOCK_COMMENT) {
		run_pass(&t, strip_comments);
		/* a comment between two '-' leaves a "--" */
		h = raw_hints(t.data, t.len);
	}
	if (h & (H_HASH | H_DASHES))
		run_pass(&t, strip_line_comments);
	/* USE is recognized once the comments are gone */
	if (use_statement(t.data, t.len, out))
		return;
	if (h & H_BACKSLASH)
		run_pass(&t, drop_escaped_quotes);
	if (h & H_DQUOTE)
		run_pass(&t, drop_double);
	run_pass(&t, literals_lower);
	h = lowered_hints(t.data, t.len);
	if ((h & H_NULL) && contains(t.data, t.len, "null")) {
		/* in place, in the buffer literals_lower wrote */
		t.len = nulls(scratch[!t.next].data, t.len);
		/* "limit null" is "limit ?" now */
		h = lowered_hints(t.data, t.len);
	}
	if (h & H_PAREN)
		run_pass(&t, lists);
	if ((h & H_UNION) && contains(t.data, t.len, "union"))
		run_pass(&t, unions);
	if ((h & H_LIMIT) && contains(t.data, t.len, "limit ?"))
		run_pass(&t, limits);
	if ((h & H_ORDER) && contains(t.data, t.len, "order by "))
		run_pass(&t, order_asc);
	adv_buf_add(out, t.data, t.len);
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
	i = b + adv_scan_pair(text + b, len - b, ';', '\n');
	if (i + 1 < len)
		end = i;
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
