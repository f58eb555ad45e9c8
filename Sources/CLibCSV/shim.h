#ifndef OICP_ETL_CLIBCSV_SHIM_H
#define OICP_ETL_CLIBCSV_SHIM_H
#include <csv.h>
#endif
