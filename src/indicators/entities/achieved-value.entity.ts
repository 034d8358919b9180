import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { dateColumn, decimalColumn, instantColumn } from '../../database/columns';
import { Organisation } from '../../organisations/organisation.entity';
import type { ValueQualifier } from '../indicator-summary.types';
import { Indicator } from './indicator.entity';

/**
 * An achieved value of an indicator for a reporting period (a year or a range inside it).
 * `partnerOrganisationId` null is the whole partnership; a dimension pair makes it one part of a
 * disaggregation (gender / ženske). Shares keep numerator and denominator beside the percentage.
 */
@Entity('achieved_value')
@Index('ix_achieved_value_indicator_year', ['indicatorId', 'year'])
export class AchievedValue {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  indicatorId: number;

  @ManyToOne(() => Indicator, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicatorId' })
  indicator?: Indicator;

  @Column({ type: 'integer' })
  year: number;

  @Column(dateColumn())
  periodStart: string;

  @Column(dateColumn())
  periodEnd: string;

  @Column({ type: 'integer', nullable: true })
  partnerOrganisationId: number | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'partnerOrganisationId' })
  partnerOrganisation?: Organisation | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  dimension: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  dimensionValue: string | null;

  @Column(decimalColumn())
  value: string;

  @Column(decimalColumn({ nullable: true }))
  numerator: string | null;

  @Column(decimalColumn({ nullable: true }))
  denominator: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** How the source qualifies the figure: "vsaj 1.000" (at_least), "približno 120", "več kot 47". */
  @Column({ type: 'varchar', length: 20, nullable: true })
  qualifier: ValueQualifier | null;

  @Column({ type: 'varchar', length: 100 })
  enteredBy: string;

  @Column(instantColumn())
  enteredAt: string;

  @VersionColumn()
  version: number;
}
