-- Schema version 5: the database carries its own log settings, whoever starts it. Derby's defaults (a new log file
-- every 1 MB, a checkpoint every 10 MB) stall an enqueue every few hundred items (docs/performance.md); larger ones
-- cost a longer replay after a crash. Derby reads them when it boots the database.
CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.storage.logSwitchInterval', '16777216');
CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.storage.checkpointInterval', '67108864');
