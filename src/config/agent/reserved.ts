// AGENT_NAME becomes /usr/local/etc/rc.d/<name>, and service(8) looks in /etc/rc.d first
// (usr.sbin/service/service.sh: `for dir in /etc/rc.d $local_startup`): a name FreeBSD's base
// already uses would start the base service, and a name of a package soulsync works with would
// overwrite that package's script. Base list: freebsd/freebsd-src libexec/rc/rc.d (FreeBSD 14/15),
// lowercase names that fit the AGENT_NAME rule.

const BASE_RC_D = `abi accounting addswap adjkerntz apm apmd archdep auditd auditdistd automount automountd
autounmountd backlight bgfsck blacklistd blocklistd bluetooth bootparams bridge bsnmpd bthidd ccd
cfumass cleanvar cleartmp cron ctld ddb defaultroute devd devfs devmatch dhclient dmesg dnctl dumpon
fand fsck ftpd gbde geli geli2 ggated gptboot growfs growfs_fstab growfs_postboot gssd hastd hcsecd
hostapd hostid hostid_save hostname inetd iovctl ip6addrctl ipfilter ipfs ipfw ipfw_netflow ipmon
ipnat ippool ipropd_master ipropd_slave ipsec iscsictl iscsid jail kadmind kdc keyserv kfd kld
kldxref kpasswdd ldconfig linux local local_unbound localpkg lockd lpd machine_id mdconfig mdconfig2
mixer motd mountcritlocal mountcritremote mountd mountlate moused mroute6d msgs natd netif netoptions
netwait newsyslog nfscbd nfsclient nfsd nfsuserd nisdomain nscd nsswitch ntpd ntpdate nuageinit
opensm os_release pf pflog pfsync power_profile powerd ppp pppoed random rarpd rctl resolv
rfcomm_pppd_server root route6d routed routing rpcbind rtadvd rtsold rwho savecore sdpd securelevel
sendmail serial sppp sshd statd static_arp static_ndp stf swap swaplate syscons sysctl
sysctl_lastload syslogd sysvipc tmp ugidfw utx var var_run virecover watchdogd wpa_supplicant ypbind
ypldap yppasswdd ypserv ypset ypupdated ypxfrd zfs zfsbe zfsd zpool zpoolreguid zpoolupgrade zvol`;

/** Packages whose rc.d scripts soulsync relies on, and soulsync's own. */
const PACKAGES = "soulsync bastille postgresql node git gitea forgejo ollama llama_server nginx";

export const RESERVED_AGENT_NAMES: ReadonlySet<string> = new Set(`${BASE_RC_D} ${PACKAGES}`.split(/\s+/).filter(Boolean));

/** Why `name` may not be an agent's service name, or undefined. */
export function reservedNameProblem(name: string): string | undefined {
  if (!RESERVED_AGENT_NAMES.has(name)) return undefined;
  return `${JSON.stringify(name)} is the name of an rc.d service FreeBSD or a package already uses (service ${name} would find that script, or soulsync would overwrite it): choose another name`;
}
