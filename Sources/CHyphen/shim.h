// libhyphen (the hyphenation library of LibreOffice and Hunspell) for Swift, with Debian's
// dictionaries in /usr/share/hyphen (hyphen-sv, hyphen-en-us, hyphen-de).
#include <hyphen.h>
