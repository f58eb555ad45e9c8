#ifndef OICP_ETL_CLIBXML2_SHIM_H
#define OICP_ETL_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#endif
