#ifndef OICP_ETL_CLIBXML2_SHIM_H
#define OICP_ETL_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* libxml2's encoding.h includes the system's ICU headers when libxml2 was built with ICU;
   they clash with the ICU that Foundation bundles. The reader needs none of them. */
#ifdef LIBXML_ICU_ENABLED
#undef LIBXML_ICU_ENABLED
#endif
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/tree.h>
#include <libxml/xmlmemory.h>

/* xmlFree is a global function pointer; Swift 6 refuses to read mutable globals. */
static inline void oicp_xml_free(void *p) { xmlFree(p); }
#endif
