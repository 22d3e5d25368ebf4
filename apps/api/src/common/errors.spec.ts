import { BadRequestException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ConflictError, ForbiddenError, NotFoundError, StaleVersionError, WorkflowError } from './errors';
import { toApiError } from './filters/all-exceptions.filter';

describe('toApiError', () => {
  it('maps domain errors to their status with details', () => {
    expect(toApiError(new NotFoundError('Commitment', 'c1'), 'r1')).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Commitment c1 was not found.',
      requestId: 'r1',
    });
    expect(toApiError(new ForbiddenError()).statusCode).toBe(403);
    expect(toApiError(new ConflictError('taken')).statusCode).toBe(409);
    expect(toApiError(new StaleVersionError({ id: 'c1', version: 3 }))).toMatchObject({
      statusCode: 409,
      details: { current: { id: 'c1', version: 3 } },
    });
    expect(toApiError(new WorkflowError('achieved', 'pledged'))).toMatchObject({
      statusCode: 422,
      error: 'Unprocessable Entity',
    });
  });

  it('maps a unique violation to 409 without SQL', () => {
    const err = new QueryFailedError('INSERT INTO users ...', [], Object.assign(new Error('duplicate key'), { code: '23505' }));
    const body = toApiError(err);
    expect(body.statusCode).toBe(409);
    expect(JSON.stringify(body)).not.toMatch(/INSERT|duplicate/);
  });

  it('maps values PostgreSQL refuses to 400 without SQL or the value', () => {
    const refused = (code: string) =>
      toApiError(
        new QueryFailedError(
          'INSERT INTO cities (name) VALUES ($1)',
          ['secret\u0000value'],
          Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00 secret'), { code }),
        ),
      );
    for (const code of ['22021', '22P05', '22001', '22003', '22P02', '2201W', '23514', '54000']) {
      const body = refused(code);
      expect(body.statusCode).toBe(400);
      expect(JSON.stringify(body)).not.toMatch(/INSERT|secret|UTF8|0x00/);
    }
    expect(refused('23502').statusCode).toBe(500);
  });

  it('keeps Nest HTTP exceptions and hides unknown errors', () => {
    expect(toApiError(new BadRequestException('nope')).message).toBe('nope');
    expect(toApiError(new NotFoundException('Cannot GET /api/x')).message).toBe('No such route.');
    const body = toApiError(new Error('connection string postgres://secret'));
    expect(body).toMatchObject({
      statusCode: 500,
      error: 'Internal Server Error',
    });
    expect(body.message).not.toMatch(/secret/);
  });
});
