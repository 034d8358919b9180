import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const FUNDER_KINDS = ['ministry', 'eu_fund', 'municipality', 'las', 'foundation', 'other'] as const;
export type FunderKind = (typeof FUNDER_KINDS)[number];

@Entity('funder')
export class Funder {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 30, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'varchar', length: 30 })
  kind: FunderKind;
}
