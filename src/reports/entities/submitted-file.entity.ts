import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ReportSubmission } from './report-submission.entity';

/**
 * One file of a submission. The bytes are kept as base64 text: a portable column type on SQLite
 * and PostgreSQL alike, and several app instances over one database all serve the same bytes.
 */
@Entity('submitted_file')
export class SubmittedFile {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  submissionId: number;

  @ManyToOne(() => ReportSubmission, (s) => s.files, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submissionId' })
  submission?: ReportSubmission;

  @Column({ type: 'varchar', length: 4 })
  format: 'xlsx' | 'pdf';

  @Column({ type: 'varchar', length: 200 })
  fileName: string;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'text', select: false })
  contentBase64: string;
}
