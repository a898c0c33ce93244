// Where the bootstrap file is looked for when neither --config nor SOULSYNC_CONFIG names one.
// Its own module so a command can ask "is there a bootstrap file?" without loading YAML and zod.
export const DEFAULT_CONFIG_PATH = "/usr/local/etc/soulsync/soulsync.yaml";
