// The kernel's HDMI-CEC framework (linux/cec.h, /dev/cecN) for Swift: its structures and the
// message builders of linux/cec-funcs.h, plus the ioctls, whose request numbers are
// function-like macros that Swift cannot import.
#include <string.h>
#include <sys/ioctl.h>
#include <linux/cec.h>
#include <linux/cec-funcs.h>

static inline int skylt_cec_physical_address(int fd, __u16 *address) { return ioctl(fd, CEC_ADAP_G_PHYS_ADDR, address); }
static inline int skylt_cec_get_logical_addresses(int fd, struct cec_log_addrs *addresses) { return ioctl(fd, CEC_ADAP_G_LOG_ADDRS, addresses); }
static inline int skylt_cec_set_logical_addresses(int fd, struct cec_log_addrs *addresses) { return ioctl(fd, CEC_ADAP_S_LOG_ADDRS, addresses); }
static inline int skylt_cec_transmit(int fd, struct cec_msg *message) { return ioctl(fd, CEC_TRANSMIT, message); }
static inline int skylt_cec_capabilities(int fd, struct cec_caps *caps) { return ioctl(fd, CEC_ADAP_G_CAPS, caps); }

/// Fills `addresses` to claim one logical address as a playback device named `name`.
static inline void skylt_cec_playback_device(struct cec_log_addrs *addresses, const char *name) {
    memset(addresses, 0, sizeof *addresses);
    addresses->cec_version = CEC_OP_CEC_VERSION_2_0;
    addresses->vendor_id = CEC_VENDOR_ID_NONE;
    addresses->num_log_addrs = 1;
    addresses->log_addr_type[0] = CEC_LOG_ADDR_TYPE_PLAYBACK;
    addresses->primary_device_type[0] = CEC_OP_PRIM_DEVTYPE_PLAYBACK;
    addresses->all_device_types[0] = CEC_OP_ALL_DEVTYPE_PLAYBACK;
    strncpy(addresses->osd_name, name, sizeof addresses->osd_name - 1);
}
