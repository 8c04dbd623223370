# IndexPilot: make deps | all | check | demo | install | uninstall | lint |
# bench | clean.  DEVELOPER=1 for strict warnings, SANITIZE=address,undefined
# for a sanitizer build.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
DESTDIR ?=

CC ?= cc
CFLAGS ?= -O2 -g
PKG_CONFIG ?= pkg-config
INSTALL ?= install

# Debian 12 packages the build, the tests and the demo need.
DEPS_BUILD = make gcc pkg-config libpq-dev libcjson-dev libcsv-dev libcmocka-dev \
	libpg-query-dev libglpk-dev
DEPS_TEST = postgresql-15 postgresql-15-hypopg postgresql-15-pg-qualstats \
	postgresql-contrib jq mandoc bsdextrautils time percona-toolkit
DEPS = $(DEPS_BUILD) $(DEPS_TEST)
# Only bench/patterns.sh needs it (the baseline linter it is measured against).
DEPS_BENCH = sqlfluff

PROGRAMS = ip-collect ip-indexes ip-patterns
LIB_SRC = $(sort $(wildcard lib/*.c))
LIB_OBJ = $(LIB_SRC:%.c=build/%.o)
CMD_OBJ = $(PROGRAMS:%=build/cmd/%.o)
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=build/tests/%)
MANPAGES = $(sort $(wildcard man/*.[157]))

VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)

PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags libpq libcjson 2>/dev/null)
PKG_LIBS := $(shell $(PKG_CONFIG) --libs libpq libcjson 2>/dev/null || echo -lpq -lcjson)
CMOCKA_LIBS := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -DADV_VERSION='"$(VERSION)"' \
	-Ilib -Icmd $(PKG_CFLAGS) -Wall $(CFLAGS)
ALL_LDFLAGS = $(LDFLAGS)
LIBS = $(PKG_LIBS) -lpg_query -lglpk -lcsv -lm -pthread

ifdef DEVELOPER
ALL_CFLAGS += -Wall -Wextra -Wpedantic -Wstrict-prototypes \
	-Wmissing-prototypes -Wvla -Wwrite-strings -Wshadow -Wformat=2 \
	-Wno-format-nonliteral -fno-common -Werror
endif
ifdef SANITIZE
ALL_CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
ALL_LDFLAGS += -fsanitize=$(SANITIZE)
endif

.PHONY: all deps deps-check check unit cli patterns integration demo \
	install uninstall lint bench clean completions man fuzz

all: $(PROGRAMS:%=bin/%)

build/%.o: %.c $(wildcard lib/*.h cmd/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/libadvisor.a: $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

bin/%: build/cmd/%.o build/cmd/cli.o build/libadvisor.a
	@mkdir -p bin
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< build/cmd/cli.o build/libadvisor.a $(LIBS)

build/tests/%: tests/unit/%.c build/libadvisor.a $(wildcard tests/unit/*.h)
	@mkdir -p build/tests
	$(CC) $(ALL_CFLAGS) -Itests/unit $(ALL_LDFLAGS) -o $@ $< \
		build/libadvisor.a $(LIBS) $(CMOCKA_LIBS)

# Installs the Debian packages when something is missing. As root it runs
# apt-get; otherwise it prints the command and stops.
deps:
	@if [ "$$(id -u)" = 0 ]; then \
		echo "apt-get update && apt-get install -y $(DEPS)"; \
		apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $(DEPS); \
	else \
		echo "run as root: apt-get update && apt-get install -y $(DEPS)"; \
		exit 1; \
	fi

deps-check:
	@missing=; for p in $(DEPS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "missing packages:$$missing"; $(MAKE) --no-print-directory deps; \
	fi

check: deps-check
	$(MAKE) all
	$(MAKE) unit cli patterns integration

unit: $(UNIT_BIN)
	@sh tests/unit/run.sh $(UNIT_BIN)

cli: all
	@sh tests/cli/run.sh

# The rule corpus: precision, recall and F1 per rule of ip-patterns.
patterns: all
	@sh tests/patterns/score.sh

integration: all
	@status=0; for t in tests/integration/run.sh tests/integration/advise.sh \
		tests/integration/patterns.sh \
		tests/integration/t-whatif.sh; do \
		bash $$t || status=1; \
	done; exit $$status

demo: deps-check
	$(MAKE) all
	@BINDIR=bin bash examples/demo.sh

bench: all
	@BINDIR=bin bash bench/collect.sh
	@BINDIR=bin bash bench/advise.sh
	@BINDIR=bin bash bench/patterns.sh

# The RULES section of ip-patterns(1) comes from the rule table.
man: all
	@sh man/gen-rules.sh bin/ip-patterns man/ip-patterns.1

completions: all
	@for p in $(PROGRAMS); do \
		bin/$$p --completion=bash > completions/$$p.bash && \
		bin/$$p --completion=zsh > completions/_$$p || exit 1; \
	done

install: all
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7 \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	$(INSTALL) -m 755 $(PROGRAMS:%=bin/%) $(DESTDIR)$(BINDIR)
	for m in $(MANPAGES); do \
		s=$${m##*.}; $(INSTALL) -m 644 $$m $(DESTDIR)$(MANDIR)/man$$s/ || exit 1; \
	done
	for p in $(PROGRAMS); do \
		$(INSTALL) -m 644 completions/$$p.bash $(DESTDIR)$(BASHCOMPDIR)/$$p && \
		$(INSTALL) -m 644 completions/_$$p $(DESTDIR)$(ZSHCOMPDIR)/_$$p || exit 1; \
	done

uninstall:
	for p in $(PROGRAMS); do \
		rm -f $(DESTDIR)$(BINDIR)/$$p $(DESTDIR)$(BASHCOMPDIR)/$$p \
			$(DESTDIR)$(ZSHCOMPDIR)/_$$p; \
	done
	for m in $(MANPAGES); do \
		s=$${m##*.}; rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m##*/}; \
	done

lint:
	clang-format --dry-run --Werror lib/*.c lib/*.h cmd/*.c tests/unit/*.c
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
		--inline-suppr -Ilib lib cmd
	clang-tidy --quiet $(LIB_SRC) cmd/*.c -- $(ALL_CFLAGS)
	mandoc -Tlint -Wwarning $(MANPAGES)
	shellcheck tests/cli/*.sh tests/integration/*.sh tests/lib/*.sh \
		tests/patterns/*.sh man/*.sh examples/*.sh examples/cron/*.sh \
		bench/*.sh .ci/run

fuzz:
	$(MAKE) -C tests/fuzz

clean:
	rm -rf build bin
.SECONDARY:
