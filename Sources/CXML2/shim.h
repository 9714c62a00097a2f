// libxml2 for Swift: the SAX2 push parser the schedule.xml reader drives.
// Debian builds libxml2 with ICU, whose headers then clash with the copy inside Foundation
// (`UErrorCode` defined twice). Skylt never touches libxml2's encoding internals (only the
// parser's functions and its SAX and error structs, which do not depend on ICU), so the
// ICU parts of the headers are left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
