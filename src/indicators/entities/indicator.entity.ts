import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, VersionColumn } from 'typeorm';
import { decimalColumn } from '../../database/columns';
import { Project } from '../../projects/entities/project.entity';
import { ResultArea } from '../../projects/entities/result-area.entity';
import type { Aggregation, Direction, IndicatorKind, IndicatorUnit } from '../indicator-summary.types';

export const INDICATOR_KINDS: readonly IndicatorKind[] = ['output', 'result'];
export const INDICATOR_UNITS: readonly IndicatorUnit[] = ['persons', 'events', 'hours', 'eur', 'percent', 'other'];
export const AGGREGATIONS: readonly Aggregation[] = ['sum', 'cumulative', 'latest'];
export const DIRECTIONS: readonly Direction[] = ['at_least', 'at_most'];
export const DIMENSIONS = ['gender', 'age_group', 'target_group', 'municipality'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

@Entity('indicator')
@Unique('uq_indicator_code', ['projectId', 'code'])
export class Indicator {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project?: Project;

  @Column({ type: 'integer', nullable: true })
  resultAreaId: number | null;

  @ManyToOne(() => ResultArea, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'resultAreaId' })
  resultArea?: ResultArea | null;

  @Column({ type: 'varchar', length: 30 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ type: 'varchar', length: 10 })
  kind: IndicatorKind;

  @Column({ type: 'varchar', length: 10 })
  unit: IndicatorUnit;

  /** Free-text unit where `unit` is `other` (e.g. "objave"). */
  @Column({ type: 'varchar', length: 50, nullable: true })
  unitLabel: string | null;

  @Column({ type: 'varchar', length: 12 })
  aggregation: Aggregation;

  @Column({ type: 'varchar', length: 10 })
  direction: Direction;

  /** For a share (unit `percent`): what is counted above and below the line. */
  @Column({ type: 'text', nullable: true })
  numeratorDefinition: string | null;

  @Column({ type: 'text', nullable: true })
  denominatorDefinition: string | null;

  @Column(decimalColumn({ nullable: true }))
  baselineValue: string | null;

  @Column({ type: 'integer', nullable: true })
  baselineYear: number | null;

  /** Dimensions the achieved values may be broken down by. */
  @Column({ type: 'simple-json' })
  dimensions: Dimension[];

  @Column({ type: 'integer', default: 0 })
  sortOrder: number;

  @VersionColumn()
  version: number;
}

/** A share is a percentage kept as numerator and denominator. */
export function isShareIndicator(indicator: Pick<Indicator, 'unit'>): boolean {
  return indicator.unit === 'percent';
}
