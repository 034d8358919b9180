import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { dateColumn, decimalColumn } from '../../database/columns';
import { Organisation } from '../../organisations/organisation.entity';
import { FundingPeriod } from '../../projects/entities/funding-period.entity';
import { Indicator } from './indicator.entity';

/**
 * A planned value. `year` null means the whole funding period. A contract amendment adds a new row
 * with a later `validFrom`; the old row stays, so achievement for a year is measured against the
 * target that was valid then.
 */
@Entity('target')
@Index('ix_target_indicator', ['indicatorId'])
export class Target {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  indicatorId: number;

  @ManyToOne(() => Indicator, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicatorId' })
  indicator?: Indicator;

  @Column({ type: 'integer', nullable: true })
  year: number | null;

  /** The contract the target was promised under; null counts for every funding period. */
  @Column({ type: 'integer', nullable: true })
  fundingPeriodId: number | null;

  @ManyToOne(() => FundingPeriod, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'fundingPeriodId' })
  fundingPeriod?: FundingPeriod | null;

  @Column({ type: 'integer', nullable: true })
  partnerOrganisationId: number | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'partnerOrganisationId' })
  partnerOrganisation?: Organisation | null;

  @Column(decimalColumn())
  value: string;

  @Column(dateColumn())
  validFrom: string;

  /** The amendment or contract clause that set this target. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  reference: string | null;

  @VersionColumn()
  version: number;
}
