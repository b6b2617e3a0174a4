/**
 * Recurring jobs: schedules (a 5-field cron expression in a time zone, a dataset name, a job type
 * and job options), their storage, and the scheduler every API process runs. At each fire time
 * exactly one batch is created on the newest dataset of the name, however many processes run the
 * scheduler: the fire row's key (schedule, fire time) is written in the transaction that creates
 * the batch's jobs.
 */
package io.gridcast.server.schedule;
