import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { normaliseDeep } from './well-formed';

/**
 * The text rule (well-formed.ts) applied once to everything a route reads from the request: the
 * body (recursively, keys included), the query and the path parameters. Global, and first, so no
 * DTO and no service ever sees a lone surrogate, a NUL or a non-NFC string.
 */
@Injectable()
export class TextBoundaryPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    return normaliseDeep(value, metadata.data ?? '');
  }
}
