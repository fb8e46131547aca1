#ifndef INGESTD_CLIBPQ_SHIM_H
#define INGESTD_CLIBPQ_SHIM_H
/* PostgreSQL's client library, libpq (Debian's libpq-dev), for the PostgreSQL archive. */
#include <libpq-fe.h>
#endif
