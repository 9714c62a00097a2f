// libcurl for Swift: the header, plus typed wrappers of curl_easy_setopt and curl_easy_getinfo,
// which are variadic and so cannot be called from Swift.
#include <curl/curl.h>

typedef size_t (*skylt_curl_data_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode skylt_curl_set_long(CURL *curl, CURLoption option, long value) { return curl_easy_setopt(curl, option, value); }
static inline CURLcode skylt_curl_set_off(CURL *curl, CURLoption option, curl_off_t value) { return curl_easy_setopt(curl, option, value); }
static inline CURLcode skylt_curl_set_string(CURL *curl, CURLoption option, const char *value) { return curl_easy_setopt(curl, option, value); }
static inline CURLcode skylt_curl_set_pointer(CURL *curl, CURLoption option, void *value) { return curl_easy_setopt(curl, option, value); }
static inline CURLcode skylt_curl_set_callback(CURL *curl, CURLoption option, skylt_curl_data_callback value) { return curl_easy_setopt(curl, option, value); }
static inline CURLcode skylt_curl_get_long(CURL *curl, CURLINFO info, long *value) { return curl_easy_getinfo(curl, info, value); }
