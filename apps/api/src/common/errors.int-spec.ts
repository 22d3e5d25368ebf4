import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { Public } from '../auth/auth.decorators';
import { createTestApp, type TestApp } from '../../test/test-app';

describe('error responses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { BODY_LIMIT: '1kb' } });
  });
  afterAll(() => t?.close());

  const expectShape = (body: Record<string, unknown>, status: number) => {
    expect(body).toMatchObject({
      statusCode: status,
      error: expect.any(String),
      message: expect.any(String),
    });
    expect(body['requestId']).toEqual(expect.any(String));
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+|stack|SELECT|INSERT/);
  };

  it('answers an unknown API route with a JSON 404 carrying the request id', async () => {
    const res = await t.http.get('/api/no-such-thing').set('x-request-id', 'req-404').expect(404);
    expect(res.headers['content-type']).toMatch(/json/);
    expectShape(res.body, 404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'No such route.',
      requestId: 'req-404',
    });
  });

  it('refuses a body over BODY_LIMIT with 413 in the same shape', async () => {
    const res = await t.http
      .post('/api/health')
      .send({ blob: 'x'.repeat(4096) })
      .expect(413);
    expectShape(res.body, 413);
  });

  it('refuses malformed JSON with 400', async () => {
    const res = await t.http.post('/api/health').set('content-type', 'application/json').send('{"a":').expect(400);
    expectShape(res.body, 400);
  });

  it('sets the security headers', async () => {
    const res = await t.http.get('/api/health');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('publishes the OpenAPI document and Swagger UI', async () => {
    const json = await t.http.get('/api/docs-json').expect(200);
    expect(json.body.paths['/api/health']).toBeDefined();
    const ui = await t.http.get('/api/docs/').expect(200);
    expect(ui.text).toContain('swagger');
  });
});

class ParticipantsDto {
  @IsInt()
  @Min(0)
  total!: number;
}
class ProbeDto {
  @IsString()
  title!: string;

  @ValidateNested()
  @Type(() => ParticipantsDto)
  participants!: ParticipantsDto;
}
@Public() // a probe of the error handling, not of sign-in
@Controller('probe')
class ProbeController {
  @Post()
  create(@Body() body: ProbeDto) {
    return body;
  }

  @Get('boom')
  boom() {
    throw new Error('secret internals: SELECT * FROM users');
  }
}
@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('validation and unknown errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ docs: false, extraModules: [ProbeModule] });
  });
  afterAll(() => t?.close());

  it('answers 400 with field details, nested paths and unknown fields refused', async () => {
    const res = await t.http
      .post('/api/probe')
      .send({ title: 3, participants: { total: -1 }, extra: true })
      .expect(400);
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { field: 'title', message: expect.any(String) },
        { field: 'participants.total', message: expect.any(String) },
        { field: 'extra', message: expect.any(String) },
      ]),
    );
  });

  it('hides the cause of a 500', async () => {
    const res = await t.http.get('/api/probe/boom').expect(500);
    expect(res.body.message).not.toMatch(/secret|SELECT/);
    expect(res.body.requestId).toEqual(expect.any(String));
  });
});
