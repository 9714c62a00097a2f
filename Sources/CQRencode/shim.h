// libqrencode for Swift: QR codes of session pages on room signs.
#include <qrencode.h>
