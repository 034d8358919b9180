import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, VersionColumn } from 'typeorm';
import { instantColumn } from '../../database/columns';
import { Indicator } from './indicator.entity';

/** Obrazložitev odstopanj: why an indicator departs from plan in a year. */
@Entity('deviation_explanation')
@Unique('uq_deviation_explanation', ['indicatorId', 'year'])
export class DeviationExplanation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  indicatorId: number;

  @ManyToOne(() => Indicator, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicatorId' })
  indicator?: Indicator;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 100 })
  updatedBy: string;

  @Column(instantColumn())
  updatedAt: string;

  @VersionColumn()
  version: number;
}
