#ifndef DUIJIE_CXLSXWRITER_SHIM_H
#define DUIJIE_CXLSXWRITER_SHIM_H
// libxlsxwriter (Debian's libxlsxwriter-dev): writes .xlsx workbooks. Only DuijieWorkbook
// imports this module.
#include <xlsxwriter.h>
#endif
