import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { instantColumn } from '../database/columns';

/**
 * One piece of a job's result file, base64 in a text column so that the same table works on
 * SQLite and PostgreSQL. Kept in the database, not on a disk, so that a worker on one machine
 * and the instance a user downloads from on another need nothing else in common.
 */
@Entity('job_file_chunk')
@Index('ix_job_file_chunk_stored', ['storedAt'])
export class JobFileChunk {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  jobId: string;

  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ type: 'text' })
  data: string;

  /** When the piece was stored (ISO instant); set on every piece (the migration set those it found). */
  @Column(instantColumn({ nullable: true }))
  storedAt: string | null;
}
