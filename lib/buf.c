#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

static char empty_string[1];

void *adv_xmalloc(size_t size)
{
	void *p = malloc(size == 0 ? 1 : size);

	if (p == NULL) {
		fputs("fatal: out of memory\n", stderr);
		abort();
	}
	return p;
}

void *adv_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size);

	if (p == NULL) {
		fputs("fatal: out of memory\n", stderr);
		abort();
	}
	return p;
}

void *adv_xrealloc(void *p, size_t size)
{
	void *q = realloc(p, size == 0 ? 1 : size);

	if (q == NULL) {
		fputs("fatal: out of memory\n", stderr);
		abort();
	}
	return q;
}

char *adv_xstrdup(const char *s)
{
	size_t len = strlen(s);
	char *p = adv_xmalloc(len + 1);

	memcpy(p, s, len + 1);
	return p;
}

char *adv_xstrdup_or_null(const char *s)
{
	return s == NULL ? NULL : adv_xstrdup(s);
}

char *adv_xstrfmt(const char *fmt, ...)
{
	struct adv_buf b;
	va_list ap;

	adv_buf_init(&b);
	va_start(ap, fmt);
	adv_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	return adv_buf_detach(&b);
}

void adv_buf_init(struct adv_buf *b)
{
	b->data = empty_string;
	b->len = 0;
	b->cap = 0;
}

void adv_buf_release(struct adv_buf *b)
{
	if (b->cap > 0)
		free(b->data);
	adv_buf_init(b);
}

void adv_buf_reset(struct adv_buf *b)
{
	b->len = 0;
	if (b->cap > 0)
		b->data[0] = '\0';
}

void adv_buf_grow(struct adv_buf *b, size_t extra)
{
	size_t want = b->len + extra + 1;
	size_t cap;

	if (want <= b->cap)
		return;
	cap = b->cap * 2 + 64;
	if (cap < want)
		cap = want;
	if (b->cap == 0) {
		b->data = adv_xmalloc(cap);
		b->data[0] = '\0';
	} else {
		b->data = adv_xrealloc(b->data, cap);
	}
	b->cap = cap;
}

void adv_buf_add(struct adv_buf *b, const void *data, size_t len)
{
	adv_buf_grow(b, len);
	memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void adv_buf_addstr(struct adv_buf *b, const char *s)
{
	adv_buf_add(b, s, strlen(s));
}

void adv_buf_addch(struct adv_buf *b, char c)
{
	adv_buf_add(b, &c, 1);
}

void adv_buf_vaddf(struct adv_buf *b, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	adv_buf_grow(b, 64);
	va_copy(copy, ap);
	n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, copy);
	va_end(copy);
	if (n < 0)
		return;
	if ((size_t)n >= b->cap - b->len) {
		adv_buf_grow(b, (size_t)n);
		n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	}
	b->len += (size_t)n;
}

void adv_buf_addf(struct adv_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	adv_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

char *adv_buf_detach(struct adv_buf *b)
{
	char *s;

	if (b->cap == 0)
		return adv_xstrdup("");
	s = b->data;
	adv_buf_init(b);
	return s;
}
