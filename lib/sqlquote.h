#ifndef ADV_SQLQUOTE_H
#define ADV_SQLQUOTE_H

#include "buf.h"
#include "conn.h"

/*
 * Quoting for SQL that analysers write without a connection (actions and
 * rollbacks in findings). Identifiers are always quoted, with the engine's
 * own rule: "name" with "" doubled (PostgreSQL), `name` with `` doubled
 * (MySQL), [name] with ]] doubled (SQL Server). Always quoting is what makes
 * names with quotes, spaces, semicolons or keywords safe; it matches what
 * PQescapeIdentifier produces.
 */
void adv_sql_ident(struct adv_buf *b, enum adv_engine engine, const char *name);
/* schema.name, both quoted. */
void adv_sql_qualified(struct adv_buf *b, enum adv_engine engine,
		       const char *schema, const char *name);
/* A string literal: 'text' with ' doubled (E'' is never needed with
 * standard_conforming_strings, the default since PostgreSQL 9.1). */
void adv_sql_literal(struct adv_buf *b, const char *text);

#endif
