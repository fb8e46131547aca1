#ifndef INGESTD_CCURL_SHIM_H
#define INGESTD_CCURL_SHIM_H
#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call.
   These typed wrappers are the only way the Fetcher talks to them. */
typedef size_t (*ingestd_curl_data_callback)(char *, size_t, size_t, void *);
typedef int (*ingestd_curl_debug_callback)(CURL *, curl_infotype, char *, size_t, void *);
typedef curl_socket_t (*ingestd_curl_opensocket_callback)(void *, curlsocktype, struct curl_sockaddr *);

static inline CURLcode ingestd_curl_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode ingestd_curl_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode ingestd_curl_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode ingestd_curl_setopt_list(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode ingestd_curl_setopt_callback(CURL *h, CURLoption o, ingestd_curl_data_callback v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode ingestd_curl_setopt_opensocket(CURL *h, ingestd_curl_opensocket_callback v) { return curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, v); }
static inline CURLcode ingestd_curl_setopt_debug(CURL *h, ingestd_curl_debug_callback v) { return curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, v); }
static inline CURLcode ingestd_curl_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode ingestd_curl_getinfo_string(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode ingestd_curl_getinfo_offset(CURL *h, CURLINFO i, curl_off_t *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLMcode ingestd_curl_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }
/* The result of a finished transfer (CURLMsg keeps it in a union). */
static inline CURLcode ingestd_curl_msg_result(CURLMsg *m) { return m->data.result; }
#endif
