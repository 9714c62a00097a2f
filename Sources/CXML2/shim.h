// libxml2 for Swift: the SAX2 push parser the schedule.xml reader drives.
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
