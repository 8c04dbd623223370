#ifndef ADV_BUF_H
#define ADV_BUF_H

#include <stdarg.h>
#include <stddef.h>

/*
 * A growable byte buffer, always NUL-terminated (data is never NULL after
 * adv_buf_init). Out of memory aborts: there is no sane recovery in a
 * command-line tool and every caller would otherwise need a check.
 */
struct adv_buf {
	char *data;
	size_t len;
	size_t cap;
};

void adv_buf_init(struct adv_buf *b);
void adv_buf_release(struct adv_buf *b);
void adv_buf_reset(struct adv_buf *b);
void adv_buf_grow(struct adv_buf *b, size_t extra);
void adv_buf_add(struct adv_buf *b, const void *data, size_t len);
void adv_buf_addstr(struct adv_buf *b, const char *s);
void adv_buf_addch(struct adv_buf *b, char c);
void adv_buf_addf(struct adv_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void adv_buf_vaddf(struct adv_buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Returns the string and leaves b empty (re-initialised); caller frees. */
char *adv_buf_detach(struct adv_buf *b);

/* Allocation helpers that abort on failure. */
void *adv_xmalloc(size_t size);
void *adv_xcalloc(size_t n, size_t size);
void *adv_xrealloc(void *p, size_t size);
char *adv_xstrdup(const char *s);
/* strdup that maps NULL to NULL. */
char *adv_xstrdup_or_null(const char *s);
char *adv_xstrfmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grows an array of n elements of size sz to hold at least want. */
#define ADV_ALLOC_GROW(arr, want, alloc)                                 \
	do {                                                             \
		if ((size_t)(want) > (alloc)) {                          \
			size_t adv_new_ = (alloc)*2 + 16;                \
			if (adv_new_ < (size_t)(want))                   \
				adv_new_ = (size_t)(want);               \
			(arr) = adv_xrealloc((arr),                      \
					     adv_new_ * sizeof(*(arr))); \
			(alloc) = adv_new_;                              \
		}                                                        \
	} while (0)

#endif
