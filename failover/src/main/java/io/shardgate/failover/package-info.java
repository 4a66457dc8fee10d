/**
 * Health and topology of data hosts: heartbeats, failure detection, and the cluster-wide switch to
 * a caught-up standby. The failover issue fills this module; until then every data host's active
 * member is its configured master.
 */
package io.shardgate.failover;
